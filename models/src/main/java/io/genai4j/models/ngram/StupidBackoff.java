package io.genai4j.models.ngram;

import java.util.Arrays;

/**
 * Stupid backoff (Brants et al. 2007), the cheap smoothing for generation from huge tables:
 * <pre>
 *   S(w | h) = c(h w) / Σ_v c(h v)    if c(h w) &gt; 0
 *            = α · S(w | h')          otherwise      (α = 0.4)
 *   S(w)     = (c(w) + 1) / (N + V)   add-one unigram, so a never-seen token keeps a score
 * </pre>
 * S is a score, not a probability: it does not sum to 1. {@link #score} returns it raw; everything
 * that needs a probability ({@link #distribution}, {@link #logProb}, perplexity) uses S divided by
 * its sum over the vocabulary, and reports say so.
 */
public final class StupidBackoff extends CountedModel {
    public static final double DEFAULT_ALPHA = 0.4;

    private final double alpha;
    private final double unigramTotal;
    private final double[] unigram;    // add-one unigram S(w), made once: every query starts from it
    private final double unigramSum;
    private final double[] scratch;

    public StupidBackoff(NgramCounts counts, int order, double alpha) {
        super(counts, order);
        if (!(alpha > 0 && alpha <= 1)) throw new IllegalArgumentException("backoff alpha must be in (0, 1], got " + alpha);
        this.alpha = alpha;
        this.unigramTotal = childTotal(0) + counts.vocabSize;
        this.unigram = new double[counts.vocabSize];
        Arrays.fill(unigram, 1 / unigramTotal);
        for (int x = counts.firstChild[0]; x < counts.firstChild[1]; x++) unigram[counts.token[x]] = (counts.count[x] + 1) / unigramTotal;
        double sum = 0;
        for (double u : unigram) sum += u;
        this.unigramSum = sum;
        this.scratch = new double[counts.vocabSize];
    }

    /** The raw, unnormalised score S(seq[pos] | seq[0, pos)). */
    public double score(int[] seq, int pos) {
        Contexts.find(c, seq, pos, order, nodes);
        int w = seq[pos];
        double factor = 1;
        for (int k = order; k >= 2; k--, factor *= alpha) {
            int h = nodes[k];
            if (h < 0) continue;
            int x = c.child(h, w);
            if (x >= 0) return factor * c.count[x] / childTotal(h);
        }
        int x = c.child(0, w);
        return factor * ((x < 0 ? 0 : c.count[x]) + 1) / unigramTotal;
    }

    /**
     * Raw scores for every token, the highest order that saw the token winning; returns their sum.
     * Starts from α^(n−1)·S(w) and overwrites the tokens seen after each longer context, keeping the
     * sum up to date, so a query costs one pass over the vocabulary plus the contexts' children.
     */
    private double scores(int[] seq, int end, double[] out) {
        Contexts.find(c, seq, end, order, nodes);
        double factor = Math.pow(alpha, order - 1);
        for (int w = 0; w < c.vocabSize; w++) out[w] = factor * unigram[w];
        double z = factor * unigramSum;
        for (int k = 2; k <= order; k++) {
            factor /= alpha;
            int h = nodes[k];
            if (h < 0) continue;
            double total = childTotal(h);
            for (int x = c.firstChild[h]; x < c.firstChild[h + 1]; x++) {
                int w = c.token[x];
                double s = factor * c.count[x] / total;
                z += s - out[w];
                out[w] = s;
            }
        }
        return z;
    }

    /** Scores normalised over the vocabulary: a real distribution. */
    @Override
    public void distribution(int[] seq, int end, double[] out) {
        double z = scores(seq, end, out);
        double inv = 1 / z;
        for (int w = 0; w < c.vocabSize; w++) out[w] *= inv;
    }

    @Override
    public double logProb(int[] seq, int pos) {
        double z = scores(seq, pos, scratch);
        return Math.log(scratch[seq[pos]] / z);
    }

    @Override
    public String describe() {
        return "stupid backoff (α = " + alpha + "; probabilities are its scores normalised over the vocabulary)";
    }
}
