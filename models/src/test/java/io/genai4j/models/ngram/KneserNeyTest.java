package io.genai4j.models.ngram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Kneser-Ney against values computed by hand. */
class KneserNeyTest {
    // Vocabulary a=0 b=1 c=2 d=3 (d never seen). Training text: a b a b c a.
    static final int[] TEXT = {0, 1, 0, 1, 2, 0};
    static final double[] D = {0.5, 0.75, 0.9}; // D1, D2, D3+

    /**
     * Continuation counts: N1+(•a) = |{b, c}| = 2, N1+(•b) = |{a}| = 1, N1+(•c) = |{b}| = 1, total 4.
     * Unigram level: discounts a: D2 (count 2), b, c: D1. γ(root) = (0.75 + 0.5 + 0.5) / 4 = 0.4375.
     *   P1(a) = (2 − 0.75)/4 + 0.4375/4 = 0.421875
     *   P1(b) = P1(c) = (1 − 0.5)/4 + 0.109375 = 0.234375
     *   P1(d) = 0.4375/4 = 0.109375
     */
    @Test
    void unigramLevelUsesContinuationCounts() {
        KneserNey kn = new KneserNey(NgramCounter.count(TEXT, 2, 4), 2, D);
        // Context "d" never occurred: all mass goes to the unigram level.
        assertEquals(0.421875, p(kn, 3, 0), 1e-15);
        assertEquals(0.234375, p(kn, 3, 1), 1e-15);
        assertEquals(0.234375, p(kn, 3, 2), 1e-15);
        assertEquals(0.109375, p(kn, 3, 3), 1e-15);
    }

    /**
     * Bigram level, raw counts. After a: ab = 2 → denominator 2, γ(a) = 0.75/2 = 0.375.
     *   P(b|a) = (2 − 0.75)/2 + 0.375 · 0.234375 = 0.712890625;  P(a|a) = 0.375 · 0.421875 = 0.158203125
     * After b: ba = bc = 1 → γ(b) = (0.5 + 0.5)/2 = 0.5.  P(a|b) = 0.25 + 0.5 · 0.421875 = 0.4609375
     * After c: ca = 1 → γ(c) = 0.5.  P(a|c) = 0.5 + 0.5 · 0.421875 = 0.7109375
     */
    @Test
    void bigramLevelInterpolatesWithTheLowerOrder() {
        KneserNey kn = new KneserNey(NgramCounter.count(TEXT, 2, 4), 2, D);
        assertEquals(0.712890625, p(kn, 0, 1), 1e-15);
        assertEquals(0.158203125, p(kn, 0, 0), 1e-15);
        assertEquals(0.375 * 0.109375, p(kn, 0, 3), 1e-15);
        assertEquals(0.4609375, p(kn, 1, 0), 1e-15);
        assertEquals(0.25 + 0.5 * 0.234375, p(kn, 1, 2), 1e-15);
        assertEquals(0.7109375, p(kn, 2, 0), 1e-15);
    }

    private static double p(KneserNey kn, int context, int w) {
        return Math.exp(kn.logProb(new int[] {context, w}, 1));
    }

    /** Chen &amp; Goodman's discounts, from count-of-counts tallied here independently. */
    @Test
    void estimatedDiscountsFollowChenAndGoodman() {
        SplittableRandom r = new SplittableRandom(5);
        int[] ids = new int[20_000];
        // Log-uniform over 2000 tokens: many rare tokens, so n1..n4 are all non-zero at every order.
        for (int i = 0; i < ids.length; i++) ids[i] = (int) Math.exp(r.nextDouble() * Math.log(2000)) - 1;
        int order = 3;
        KneserNey kn = new KneserNey(NgramCounter.count(ids, order, 2000), order);
        for (int k = 1; k <= order; k++) {
            Map<List<Integer>, Integer> raw = new HashMap<>();
            Map<List<Integer>, Set<Integer>> left = new HashMap<>();
            for (int i = k - 1; i < ids.length; i++) {
                List<Integer> g = new ArrayList<>();
                for (int j = i - k + 1; j <= i; j++) g.add(ids[j]);
                raw.merge(g, 1, Integer::sum);
                if (i - k >= 0) left.computeIfAbsent(g, x -> new HashSet<>()).add(ids[i - k]);
            }
            long[] n = new long[5];
            for (List<Integer> g : raw.keySet()) {
                int c = k == order ? raw.get(g) : left.getOrDefault(g, Set.of()).size();
                if (c >= 1 && c <= 4) n[c]++;
            }
            for (int c = 1; c <= 4; c++) assertTrue(n[c] > 0, "order " + k + " has no n-gram seen " + c + " times");
            double y = (double) n[1] / (n[1] + 2.0 * n[2]);
            double[] expected = {1 - 2 * y * n[2] / n[1], 2 - 3 * y * n[3] / n[2], 3 - 4 * y * n[4] / n[3]};
            assertArrayEquals(expected, kn.discounts(k), 1e-12, "order " + k);
        }
    }
}
