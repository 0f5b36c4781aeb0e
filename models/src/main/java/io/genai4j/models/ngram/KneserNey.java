package io.genai4j.models.ngram;

import java.util.Arrays;

/**
 * Interpolated modified Kneser-Ney (Chen &amp; Goodman 1998), the best classic n-gram smoothing:
 * <pre>
 *   P_k(w | h) = max(c_k(h w) − D_k(c), 0) / Σ_v c_k(h v)  +  γ(h) · P_{k−1}(w | h')
 *   γ(h)       = (D_k1·N1(h•) + D_k2·N2(h•) + D_k3+·N3+(h•)) / Σ_v c_k(h v)
 *   P_0(w)     = 1 / V
 * </pre>
 * where h' drops the first token of h, c_k is the raw count at the model's order and the
 * continuation count N1+(• h w) (number of distinct left contexts) below it, N_r(h•) counts the
 * continuations of h seen r times, and the discounts come from count-of-counts n_1..n_4 per order:
 * Y = n1/(n1+2·n2), D1 = 1−2Y·n2/n1, D2 = 2−3Y·n3/n2, D3+ = 3−4Y·n4/n3. An unseen context
 * (Σ_v c = 0) passes all its mass to the lower order; the uniform P_0 gives every vocabulary token,
 * even one never seen in training, a non-zero probability. The γ term is exactly the mass the
 * discounts removed, so each level sums to 1.
 */
public final class KneserNey extends CountedModel {
    private final double[][] discounts; // [k][r] for r = 1, 2, 3 (3 = "3 or more")
    private final double[] denom;       // per context node (depth < order): Σ_v c_k(h v)
    private final double[] gamma;       // per context node: back-off weight
    private final double[] unigram;     // P_1(w): the same for every history, so made once
    private final double[] mass;

    public KneserNey(NgramCounts counts, int order) {
        this(counts, order, null);
    }

    /** @param fixedDiscounts null to estimate from the counts, else {D1, D2, D3+} used at every order */
    public KneserNey(NgramCounts counts, int order, double[] fixedDiscounts) {
        super(counts, order);
        this.discounts = new double[order + 1][];
        for (int k = 1; k <= order; k++) discounts[k] = fixedDiscounts != null ? fixedDiscounts.clone() : estimate(k);
        int contexts = counts.levelStart[order]; // nodes of depth 0..order-1
        denom = new double[contexts];
        gamma = new double[contexts];
        for (int h = 0; h < contexts; h++) {
            int k = depthOf(h) + 1; // children of h are k-grams
            double sum = 0, removed = 0;
            for (int x = counts.firstChild[h]; x < counts.firstChild[h + 1]; x++) {
                int kc = knCount(x, k);
                sum += kc;
                removed += discount(k, kc);
            }
            denom[h] = sum;
            gamma[h] = sum > 0 ? removed / sum : 1;
        }
        mass = new double[order + 2];
        unigram = new double[counts.vocabSize];
        Arrays.fill(unigram, gamma[0] / counts.vocabSize);
        if (denom[0] > 0) {
            for (int x = counts.firstChild[0]; x < counts.firstChild[1]; x++) {
                int kc = knCount(x, 1);
                unigram[counts.token[x]] += Math.max(kc - discount(1, kc), 0) / denom[0];
            }
        } else {
            Arrays.fill(unigram, 1.0 / counts.vocabSize);
        }
    }

    private int depthOf(int node) {
        int d = 0;
        while (c.levelStart[d + 1] <= node) d++;
        return d;
    }

    /** The count Kneser-Ney uses for a k-gram node: raw at the top order, continuation below. */
    private int knCount(int node, int k) {
        return k == order ? c.count[node] : c.continuation[node];
    }

    private double discount(int k, int kc) {
        return kc == 0 ? 0 : discounts[k][Math.min(kc, 3) - 1];
    }

    /** Chen &amp; Goodman's discounts for order k from the count-of-counts, clamped to a usable range. */
    private double[] estimate(int k) {
        long[] n = new long[5];
        for (int x = c.levelStart[k]; x < c.levelStart[k + 1]; x++) {
            int kc = knCount(x, k);
            if (kc >= 1 && kc <= 4) n[kc]++;
        }
        double[] d;
        if (n[1] > 0 && n[2] > 0 && n[3] > 0 && n[4] > 0) {
            double y = (double) n[1] / (n[1] + 2.0 * n[2]);
            d = new double[] {1 - 2 * y * n[2] / n[1], 2 - 3 * y * n[3] / n[2], 3 - 4 * y * n[4] / n[3]};
        } else { // too little data for four count-of-counts (toy corpora): one absolute discount
            double y = n[1] > 0 && n[2] > 0 ? (double) n[1] / (n[1] + 2.0 * n[2]) : 0.5;
            d = new double[] {y, y, y};
        }
        // A discount must leave some mass to back off with, and cannot exceed the count it discounts.
        for (int r = 0; r < 3; r++) d[r] = Math.min(r + 1, Math.max(0.05, d[r]));
        return d;
    }

    /** The discounts {D1, D2, D3+} used at order k. */
    public double[] discounts(int k) {
        return discounts[k].clone();
    }

    @Override
    public double logProb(int[] seq, int pos) {
        Contexts.find(c, seq, pos, order, nodes);
        int w = seq[pos];
        double p = 1.0 / c.vocabSize;
        for (int k = 1; k <= order; k++) {
            int h = nodes[k];
            if (h < 0 || denom[h] == 0) continue; // unseen context: all mass to the lower order
            int x = c.child(h, w);
            int kc = x < 0 ? 0 : knCount(x, k);
            p = Math.max(kc - discount(k, kc), 0) / denom[h] + gamma[h] * p;
        }
        return Math.log(p);
    }

    /**
     * Unrolls the recursion: P = Σ_k (Π_{j>k} γ_j) · a_k(w) + (Π_j γ_j) / V, where a_k is level k's
     * discounted-count term. One pass over the vocabulary plus the children of each context.
     */
    @Override
    public void distribution(int[] seq, int end, double[] out) {
        Contexts.find(c, seq, end, order, nodes);
        mass[order + 1] = 1; // mass[k] = Π_{j>=k} γ_j, with an absent level's γ = 1
        for (int k = order; k >= 2; k--) {
            int h = nodes[k];
            mass[k] = mass[k + 1] * (h < 0 || denom[h] == 0 ? 1 : gamma[h]);
        }
        double scale1 = mass[2]; // P_1 enters with the product of the higher levels' γ
        for (int w = 0; w < c.vocabSize; w++) out[w] = scale1 * unigram[w];
        for (int k = 2; k <= order; k++) {
            int h = nodes[k];
            if (h < 0 || denom[h] == 0) continue;
            double scale = mass[k + 1] / denom[h];
            for (int x = c.firstChild[h]; x < c.firstChild[h + 1]; x++) {
                int kc = knCount(x, k);
                out[c.token[x]] += scale * Math.max(kc - discount(k, kc), 0);
            }
        }
    }

    @Override
    public String describe() {
        return "interpolated modified Kneser-Ney";
    }
}
