package io.genai4j.models.sampling;

import io.genai4j.engine.Rng;
import java.util.Arrays;

/**
 * Picks the next token from logits. Temperature T divides the logits (T = 0: greedy argmax);
 * top-k keeps the k most likely tokens; top-p (nucleus) keeps the smallest set of most likely
 * tokens whose probability reaches p; min-p keeps the tokens whose probability is at least
 * min-p times the most likely one's. What remains is renormalised and sampled with a seeded
 * generator, so a seed reproduces a text. Filters apply after temperature, in the order top-k,
 * top-p, min-p (Hugging Face's order). Repetition penalties are {@link Penalties}, applied to the
 * logits before.
 */
public final class LogitsSampler {
    private final float temperature;
    private final int topK;
    private final float topP;
    private final float minP;
    private final Rng rng;

    /** The distribution actually sampled from, for explanations: token ids by falling probability. */
    public record Candidates(int[] ids, float[] probs) {}

    public LogitsSampler(float temperature, int topK, float topP, long seed) {
        this(temperature, topK, topP, 0f, seed);
    }

    public LogitsSampler(float temperature, int topK, float topP, float minP, long seed) {
        if (!(minP >= 0f && minP <= 1f)) throw new IllegalArgumentException("min-p must be in [0, 1], got " + minP);
        this.minP = minP;
        if (!(temperature >= 0f) || Float.isInfinite(temperature)) throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
        if (topK < 0) throw new IllegalArgumentException("top-k must be >= 0 (0 = all tokens), got " + topK);
        if (!(topP > 0f && topP <= 1f)) throw new IllegalArgumentException("top-p must be in (0, 1], got " + topP);
        this.temperature = temperature;
        this.topK = topK;
        this.topP = topP;
        this.rng = new Rng(seed);
    }

    /** The next token id for one row of logits. */
    public int sample(float[] logits, int off, int n) {
        if (temperature == 0f) return argmax(logits, off, n);
        Candidates c = candidates(logits, off, n);
        double r = rng.nextDouble(), acc = 0;
        for (int i = 0; i < c.ids.length; i++) {
            acc += c.probs[i];
            if (r < acc) return c.ids[i];
        }
        return c.ids[c.ids.length - 1];
    }

    /**
     * The tokens that can be drawn and their probabilities after temperature, top-k and top-p,
     * most likely first (greedy: the argmax with probability 1).
     */
    public Candidates candidates(float[] logits, int off, int n) {
        if (temperature == 0f) return new Candidates(new int[] {argmax(logits, off, n)}, new float[] {1f});
        int[] order = byFallingLogit(logits, off, n);
        int keep = topK > 0 ? Math.min(topK, n) : n;
        double max = logits[off + order[0]] / temperature;
        double[] w = new double[keep];
        double total = 0;
        for (int i = 0; i < keep; i++) {
            w[i] = Math.exp(logits[off + order[i]] / temperature - max);
            total += w[i];
        }
        // Nucleus: the shortest prefix whose mass reaches top-p (always at least one token).
        int cut = keep;
        if (topP < 1f) {
            double acc = 0;
            for (int i = 0; i < keep; i++) {
                acc += w[i] / total;
                if (acc >= topP) {
                    cut = i + 1;
                    break;
                }
            }
        }
        // min-p: drop tokens less likely than min-p times the most likely one (w[0] is the largest).
        if (minP > 0f) {
            int m = 1;
            while (m < cut && w[m] >= minP * w[0]) m++;
            cut = m;
        }
        double kept = 0;
        for (int i = 0; i < cut; i++) kept += w[i];
        int[] ids = new int[cut];
        float[] probs = new float[cut];
        for (int i = 0; i < cut; i++) {
            ids[i] = order[i];
            probs[i] = (float) (w[i] / kept);
        }
        return new Candidates(ids, probs);
    }

    /** Token ids sorted by falling logit (ties by id), without boxing: sort packed (key, id) longs. */
    static int[] byFallingLogit(float[] logits, int off, int n) {
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            int bits = Float.floatToIntBits(logits[off + i]);
            int ascending = bits >= 0 ? bits ^ Integer.MIN_VALUE : ~bits;   // float order as unsigned int order
            long key = 0xFFFFFFFFL - (ascending & 0xFFFFFFFFL);            // falling
            packed[i] = (key << 32 | i) ^ Long.MIN_VALUE;                  // unsigned order as signed order
        }
        Arrays.sort(packed);
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) ids[i] = (int) packed[i];
        return ids;
    }

    static int argmax(float[] x, int off, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) if (x[off + i] > x[off + best]) best = i;
        return best;
    }
}
