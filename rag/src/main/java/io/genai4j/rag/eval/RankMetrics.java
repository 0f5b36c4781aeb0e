package io.genai4j.rag.eval;

import java.util.List;

/**
 * Recall@k and mean reciprocal rank over queries with one relevant item each:
 * <pre>
 *   recall@k = |{q : rank(q) ≤ k}| / |Q|
 *   MRR      = (1/|Q|) Σ_q 1/rank(q)        (0 when the item is not in the retrieved list)
 * </pre>
 * Ranks are of distinct documents: several chunks of one paragraph count once, at the best.
 */
public final class RankMetrics {
    private int queries;
    private int at1, at5, at10;
    private double reciprocal;

    /** Records one query: its ranked list of document ids and the relevant id. */
    public void add(List<String> ranked, String relevant) {
        queries++;
        int rank = ranked.indexOf(relevant) + 1;   // 0: not retrieved
        if (rank == 0) return;
        if (rank <= 1) at1++;
        if (rank <= 5) at5++;
        if (rank <= 10) at10++;
        reciprocal += 1.0 / rank;
    }

    public int queries() {
        return queries;
    }

    public double recallAt1() {
        return ratio(at1);
    }

    public double recallAt5() {
        return ratio(at5);
    }

    public double recallAt10() {
        return ratio(at10);
    }

    public double mrr() {
        return queries == 0 ? 0 : reciprocal / queries;
    }

    private double ratio(int n) {
        return queries == 0 ? 0 : (double) n / queries;
    }
}
