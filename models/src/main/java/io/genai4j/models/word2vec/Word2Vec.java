package io.genai4j.models.word2vec;

import io.genai4j.engine.Rng;
import io.genai4j.engine.kernels.VecMath;
import io.genai4j.engine.optim.TrainingDiverged;
import io.genai4j.models.train.CpuClock;
import io.genai4j.models.train.TrainEvent;
import io.genai4j.models.train.TrainListener;
import java.util.Arrays;

/**
 * word2vec (Mikolov et al. 2013, "Distributed Representations of Words and Phrases and their
 * Compositionality"): every word w has an input vector v_w and an output vector u_w, trained so
 * that words seen together score high.
 * <pre>
 *   skip-gram:  the centre word predicts each context word c:    h = v_centre,           target c
 *   CBOW:       the mean of the context predicts the centre:     h = mean_c v_c,          target centre
 *   negative sampling:  maximise  log σ(u_target·h) + Σ_{k=1..K} log σ(−u_{n_k}·h),   n_k ~ P(w) ∝ count(w)^¾
 *   sub-sampling: keep a word with probability (√(f/t) + 1)·t/f   (t = sample · total words, f its count)
 * </pre>
 * Training is the reference tool's plain SGD with a learning rate falling linearly to ~0, one
 * (h, target) pair at a time: the gradient of the objective above touches only K + 2 rows, so
 * g = (label − σ(u·h))·α,  u ← u + g·h,  h ← h + Σ g·u  are written out rather than taped — a dense
 * autograd step would update all V rows for the sake of a dozen. One thread, so a seed fixes the result.
 */
public final class Word2Vec {
    private Word2Vec() {}

    /** The trained vectors and the mean loss per (h, target) pair in the last epoch. */
    public record Result(WordVectors vectors, double lastEpochLoss, long pairs, double seconds) {}

    public static Result train(WordCorpus corpus, Word2VecConfig c) {
        return train(corpus, c, TrainListener.NONE);
    }

    /**
     * Trains, reporting a {@link TrainEvent.Step} per passage (items: its words; loss: the epoch's
     * mean so far; learning rate: α). This SGD keeps its own loop rather than {@link
     * io.genai4j.models.train.TrainLoop}: there is no tape and no optimizer, α falls per passage, and
     * an update touches K + 2 rows; what it shares with the other trainers is the listener and the NaN stop.
     */
    public static Result train(WordCorpus corpus, Word2VecConfig c, TrainListener listener) {
        int v = corpus.size(), d = c.dim();
        Rng rng = new Rng(c.seed());
        float[] in = new float[v * d], out = new float[v * d];
        for (int i = 0; i < in.length; i++) in[i] = (rng.nextFloat() - 0.5f) / d;   // v_w ~ U(±0.5/d), u_w = 0
        double[] noise = noiseCdf(corpus);
        double threshold = c.sample() * corpus.tokens();
        float[] keep = new float[v];
        for (int w = 0; w < v; w++) {
            double f = corpus.count(w);
            keep[w] = c.sample() == 0 ? 1f : (float) Math.min(1, (Math.sqrt(f / threshold) + 1) * threshold / f);
        }
        long total = (long) c.epochs() * corpus.tokens(), done = 0, pairs = 0;
        float[] h = new float[d], grad = new float[d];
        double loss = 0;
        long lossPairs = 0;
        long t0 = System.nanoTime(), cpu0 = CpuClock.processNanos();
        int passages = 0;
        for (int epoch = 0; epoch < c.epochs(); epoch++) {
            loss = 0;
            lossPairs = 0;
            for (int[] passage : corpus.passages()) {
                int[] s = subsample(passage, keep, rng);
                float alpha = (float) (c.alpha() * Math.max(1e-4, 1 - (double) done / (total + 1)));
                for (int i = 0; i < s.length; i++) {
                    int w = c.window() - rng.nextInt(c.window());              // the reference tool's shrunk window
                    int lo = Math.max(0, i - w), hi = Math.min(s.length - 1, i + w);
                    if (c.skipGram()) {
                        for (int j = lo; j <= hi; j++) {
                            if (j == i) continue;
                            int ctx = s[j];
                            // h = v_ctx predicts the centre word (the reference tool's loop order)
                            System.arraycopy(in, ctx * d, h, 0, d);
                            Arrays.fill(grad, 0f);
                            loss += update(h, grad, s[i], out, d, c.negative(), noise, rng, alpha);
                            lossPairs++;
                            VecMath.addInto(grad, 0, in, ctx * d, d);
                        }
                    } else {
                        int n = 0;
                        Arrays.fill(h, 0f);
                        for (int j = lo; j <= hi; j++) {
                            if (j == i) continue;
                            VecMath.addInto(in, s[j] * d, h, 0, d);
                            n++;
                        }
                        if (n == 0) continue;
                        VecMath.scale(h, 0, d, 1f / n);                            // h = mean of the context vectors
                        Arrays.fill(grad, 0f);
                        loss += update(h, grad, s[i], out, d, c.negative(), noise, rng, alpha);
                        lossPairs++;
                        for (int j = lo; j <= hi; j++) if (j != i) VecMath.addInto(grad, 0, in, s[j] * d, d);
                    }
                }
                done += passage.length;
                TrainingDiverged.check(loss, "epoch " + (epoch + 1) + " (" + done + " words in)");   // σ of an overflowed u·h
                listener.on(new TrainEvent.Step(++passages, loss / Math.max(1, lossPairs), alpha, passage.length, (CpuClock.processNanos() - cpu0) / 1e9));
            }
            pairs += lossPairs;
        }
        double seconds = (System.nanoTime() - t0) / 1e9, cpuSeconds = (CpuClock.processNanos() - cpu0) / 1e9;
        listener.on(new TrainEvent.Done(passages, cpuSeconds, seconds, seconds, done, Double.NaN));
        float[][] vectors = new float[v][];
        for (int w = 0; w < v; w++) vectors[w] = Arrays.copyOfRange(in, w * d, (w + 1) * d);
        long[] counts = new long[v];
        for (int w = 0; w < v; w++) counts[w] = corpus.count(w);
        return new Result(new WordVectors(corpus.words(), vectors, counts), loss / Math.max(1, lossPairs), pairs, seconds);
    }

    /**
     * One positive and K negative logistic regressions of h against output vectors; updates the
     * output rows and accumulates h's gradient step into grad. Returns −log σ(u·h) − Σ log σ(−u_k·h).
     */
    private static double update(float[] h, float[] grad, int target, float[] out, int d, int negative, double[] noise, Rng rng, float alpha) {
        double loss = 0;
        for (int k = 0; k <= negative; k++) {
            int t;
            float label;
            if (k == 0) {
                t = target;
                label = 1f;
            } else {
                t = sampleNoise(noise, rng);
                if (t == target) continue;
                label = 0f;
            }
            float f = VecMath.dot(h, 0, out, t * d, d);
            double sig = 1 / (1 + Math.exp(-f));
            loss -= Math.log(Math.max(1e-10, label == 1f ? sig : 1 - sig));
            float g = (float) ((label - sig) * alpha);                             // ∂/∂(u·h) of the log-likelihood, times α
            VecMath.axpy(g, out, t * d, grad, 0, d);                               // h's step: Σ g·u
            VecMath.axpy(g, h, 0, out, t * d, d);                                  // u ← u + g·h
        }
        return loss;
    }

    private static int[] subsample(int[] passage, float[] keep, Rng rng) {
        int[] s = new int[passage.length];
        int n = 0;
        for (int w : passage) if (keep[w] >= 1f || rng.nextFloat() < keep[w]) s[n++] = w;
        return Arrays.copyOf(s, n);
    }

    /** Cumulative P(w) ∝ count(w)^¾. */
    private static double[] noiseCdf(WordCorpus corpus) {
        double[] cdf = new double[corpus.size()];
        double sum = 0;
        for (int w = 0; w < cdf.length; w++) {
            sum += Math.pow(corpus.count(w), 0.75);
            cdf[w] = sum;
        }
        for (int w = 0; w < cdf.length; w++) cdf[w] /= sum;
        return cdf;
    }

    private static int sampleNoise(double[] cdf, Rng rng) {
        int i = Arrays.binarySearch(cdf, rng.nextDouble());
        return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
    }
}
