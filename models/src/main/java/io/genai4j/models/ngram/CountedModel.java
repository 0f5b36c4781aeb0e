package io.genai4j.models.ngram;

/**
 * What the smoothing methods (add-k, Kneser-Ney, stupid backoff) share: the counts they read, the
 * order they run at (checked against the counts' deepest level), and a buffer for the path of
 * context nodes a lookup walks.
 */
abstract class CountedModel implements LanguageModel {
    final NgramCounts c;
    final int order;
    final int[] nodes;

    CountedModel(NgramCounts counts, int order) {
        if (order < 1 || order > counts.maxOrder) throw new IllegalArgumentException("order must be 1.." + counts.maxOrder + ", got " + order);
        this.c = counts;
        this.order = order;
        this.nodes = new int[order + 1];
    }

    @Override
    public final int vocabSize() {
        return c.vocabSize;
    }

    @Override
    public final int order() {
        return order;
    }

    /** Σ_v c(h v): how often context node h was followed by anything. */
    final double childTotal(int h) {
        double s = 0;
        for (int x = c.firstChild[h]; x < c.firstChild[h + 1]; x++) s += c.count[x];
        return s;
    }
}
