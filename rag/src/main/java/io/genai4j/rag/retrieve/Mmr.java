package io.genai4j.rag.retrieve;

import java.util.ArrayList;
import java.util.List;

/**
 * Maximal marginal relevance (Carbonell and Goldstein, SIGIR 1998): picks k of the candidates one
 * at a time, each maximising
 * <pre>  λ · sim(q, d) − (1 − λ) · max_{s ∈ selected} sim(d, s)</pre>
 * so near-duplicates of what is already chosen (overlapping chunks, copied paragraphs) give way to
 * other relevant text. λ = 1 is plain relevance order. Vectors are unit length: sim is the dot product.
 */
public final class Mmr {
    private Mmr() {}

    /** Indices into candidates, in selection order. */
    public static List<Integer> select(float[] query, List<float[]> candidates, int k, double lambda) {
        if (lambda < 0 || lambda > 1) throw new IllegalArgumentException("MMR lambda must be in [0, 1], got " + lambda);
        int n = candidates.size();
        double[] relevance = new double[n], redundancy = new double[n];
        boolean[] taken = new boolean[n];
        for (int i = 0; i < n; i++) {
            relevance[i] = dot(query, candidates.get(i));
            redundancy[i] = Double.NEGATIVE_INFINITY;
        }
        List<Integer> out = new ArrayList<>();
        while (out.size() < Math.min(k, n)) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (taken[i]) continue;
                double s = lambda * relevance[i] - (1 - lambda) * (out.isEmpty() ? 0 : redundancy[i]);
                if (s > bestScore) {
                    bestScore = s;
                    best = i;
                }
            }
            taken[best] = true;
            out.add(best);
            for (int i = 0; i < n; i++) if (!taken[i]) redundancy[i] = Math.max(redundancy[i], dot(candidates.get(i), candidates.get(best)));
        }
        return out;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
        return s;
    }
}
