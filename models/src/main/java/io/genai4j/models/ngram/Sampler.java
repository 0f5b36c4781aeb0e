package io.genai4j.models.ngram;

import java.util.SplittableRandom;

/**
 * Draws the next token from a distribution, reshaped by temperature and top-k.
 * Temperature T rescales log-probabilities (p^(1/T), renormalised): T &lt; 1 sharpens, T &gt; 1
 * flattens, T = 0 is greedy. Top-k keeps the k most likely tokens (0 = all). Seeded, so a seed
 * always gives the same text.
 */
public final class Sampler {
    private final double temperature;
    private final int topK;
    private final SplittableRandom random;
    private double[] weights = new double[0];

    public Sampler(double temperature, int topK, long seed) {
        if (!(temperature >= 0) || Double.isInfinite(temperature)) throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
        if (topK < 0) throw new IllegalArgumentException("top-k must be >= 0 (0 = no limit), got " + topK);
        this.temperature = temperature;
        this.topK = topK;
        this.random = new SplittableRandom(seed);
    }

    public int sample(double[] probs, int n) {
        if (temperature == 0) return argmax(probs, n);
        if (weights.length < n) weights = new double[n];
        double threshold = topK > 0 && topK < n ? kthLargest(probs, n, topK) : 0;
        // p^(1/T) up to a constant; at T = 1 the probabilities are the weights (no exp/log per token).
        double invT = 1 / temperature, maxP = temperature == 1 ? 1 : probs[argmax(probs, n)];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double p = probs[i];
            double w = p <= 0 || p < threshold ? 0 : temperature == 1 ? p : Math.pow(p / maxP, invT);
            weights[i] = w;
            total += w;
        }
        double r = random.nextDouble() * total;
        int last = 0;
        for (int i = 0; i < n; i++) {
            if (weights[i] == 0) continue;
            last = i;
            r -= weights[i];
            if (r < 0) return i;
        }
        return last; // rounding left r a hair above zero
    }

    private static int argmax(double[] p, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) if (p[i] > p[best]) best = i;
        return best;
    }

    /** The k-th largest value (ties at the threshold are all kept), with a primitive min-heap of size k. */
    private static double kthLargest(double[] p, int n, int k) {
        double[] heap = new double[k];
        int size = 0;
        for (int i = 0; i < n; i++) {
            double v = p[i];
            if (size < k) {
                int j = size++; // sift up
                while (j > 0 && heap[(j - 1) / 2] > v) {
                    heap[j] = heap[(j - 1) / 2];
                    j = (j - 1) / 2;
                }
                heap[j] = v;
            } else if (v > heap[0]) {
                int j = 0; // replace the root, sift down
                while (true) {
                    int l = 2 * j + 1;
                    if (l >= k) break;
                    int m = l + 1 < k && heap[l + 1] < heap[l] ? l + 1 : l;
                    if (heap[m] >= v) break;
                    heap[j] = heap[m];
                    j = m;
                }
                heap[j] = v;
            }
        }
        return heap[0];
    }
}
