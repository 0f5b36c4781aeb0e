package io.genai4j.models.ngram;

import java.util.Arrays;

/**
 * Add-k (Laplace when k = 1): pretend every n-gram was seen k more times than it was.
 * <pre>  P(w | h) = (c(h w) + k) / (Σ_v c(h v) + k·V)  </pre>
 * with h the last order−1 tokens (fewer at the start of a text). It never backs off: an unseen
 * context gives the uniform 1/V. Simple, normalised, and visibly worse than Kneser-Ney.
 */
public final class AddK extends CountedModel {
    private final double k;

    public AddK(NgramCounts counts, int order, double k) {
        super(counts, order);
        if (!(k > 0)) throw new IllegalArgumentException("add-k needs k > 0, got " + k);
        this.k = k;
    }

    /** The context node: the last order−1 tokens, or fewer when the history is shorter. -1 if unseen. */
    private int context(int[] seq, int end) {
        int len = Math.min(order - 1, end);
        return c.find(seq, end - len, end);
    }

    @Override
    public double logProb(int[] seq, int pos) {
        int h = context(seq, pos);
        double v = c.vocabSize;
        if (h < 0) return -Math.log(v);
        int x = c.child(h, seq[pos]);
        return Math.log(((x < 0 ? 0 : c.count[x]) + k) / (childTotal(h) + k * v));
    }

    @Override
    public void distribution(int[] seq, int end, double[] out) {
        int h = context(seq, end);
        double v = c.vocabSize;
        if (h < 0) {
            Arrays.fill(out, 0, c.vocabSize, 1 / v);
            return;
        }
        double z = childTotal(h) + k * v;
        Arrays.fill(out, 0, c.vocabSize, k / z);
        for (int x = c.firstChild[h]; x < c.firstChild[h + 1]; x++) out[c.token[x]] = (c.count[x] + k) / z;
    }

    @Override
    public String describe() {
        return "add-k (k = " + k + ")";
    }
}
