package io.genai4j.models.ngram;

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
public final class StupidBackoff implements LanguageModel {
    public static final double DEFAULT_ALPHA = 0.4;

    private final NgramCounts c;
    private final int order;
    private final double alpha;
    private final double unigramTotal;
    private final int[] nodes;
    private final double[] scratch;

    public StupidBackoff(NgramCounts counts, int order, double alpha) {
        if (order < 1 || order > counts.maxOrder) throw new IllegalArgumentException("order must be 1.." + counts.maxOrder + ", got " + order);
        if (!(alpha > 0 && alpha <= 1)) throw new IllegalArgumentException("backoff alpha must be in (0, 1], got " + alpha);
        this.c = counts;
        this.order = order;
        this.alpha = alpha;
        this.unigramTotal = childTotal(0) + counts.vocabSize;
        this.nodes = new int[order + 1];
        this.scratch = new double[counts.vocabSize];
    }

    private double childTotal(int h) {
        double s = 0;
        for (int x = c.firstChild[h]; x < c.firstChild[h + 1]; x++) s += c.count[x];
        return s;
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

    /** Raw scores for every token, highest order that saw the token winning. */
    private void scores(int[] seq, int end, double[] out) {
        Contexts.find(c, seq, end, order, nodes);
        double factor = Math.pow(alpha, order - 1);
        for (int w = 0; w < c.vocabSize; w++) out[w] = factor / unigramTotal;
        for (int x = c.firstChild[0]; x < c.firstChild[1]; x++) out[c.token[x]] = factor * (c.count[x] + 1) / unigramTotal;
        for (int k = 2; k <= order; k++) {
            factor /= alpha;
            int h = nodes[k];
            if (h < 0) continue;
            double total = childTotal(h);
            for (int x = c.firstChild[h]; x < c.firstChild[h + 1]; x++) out[c.token[x]] = factor * c.count[x] / total;
        }
    }

    /** Scores normalised over the vocabulary: a real distribution. */
    @Override
    public void distribution(int[] seq, int end, double[] out) {
        scores(seq, end, out);
        double z = 0;
        for (int w = 0; w < c.vocabSize; w++) z += out[w];
        for (int w = 0; w < c.vocabSize; w++) out[w] /= z;
    }

    @Override
    public double logProb(int[] seq, int pos) {
        scores(seq, pos, scratch);
        double z = 0;
        for (double s : scratch) z += s;
        return Math.log(scratch[seq[pos]] / z);
    }

    @Override
    public int vocabSize() {
        return c.vocabSize;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public String describe() {
        return "stupid backoff (α = " + alpha + "; probabilities are its scores normalised over the vocabulary)";
    }
}
