package io.genai4j.models.ngram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The packed trie against the obvious (boxed, slow) way of counting n-grams. */
class NgramCounterTest {
    @Test
    void countsAndContinuationCountsMatchANaiveCount() {
        SplittableRandom r = new SplittableRandom(3);
        int v = 6, order = 4;
        int[] ids = new int[3000];
        for (int i = 0; i < ids.length; i++) ids[i] = r.nextInt(3) == 0 ? r.nextInt(v) : (i > 0 ? (ids[i - 1] + 1) % v : 0);
        NgramCounts c = NgramCounter.count(ids, order, v);

        Map<List<Integer>, Integer> counts = new HashMap<>();
        Map<List<Integer>, Set<Integer>> leftContexts = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            for (int k = 1; k <= order && i - k + 1 >= 0; k++) {
                List<Integer> g = new ArrayList<>();
                for (int j = i - k + 1; j <= i; j++) g.add(ids[j]);
                counts.merge(g, 1, Integer::sum);
                if (k >= 2) leftContexts.computeIfAbsent(g.subList(1, k), x -> new HashSet<>()).add(g.get(0));
            }
        }
        assertEquals(counts.size(), c.ngrams(order));
        for (Map.Entry<List<Integer>, Integer> e : counts.entrySet()) {
            int[] g = e.getKey().stream().mapToInt(Integer::intValue).toArray();
            int node = c.find(g, 0, g.length);
            assertTrue(node > 0, "missing " + e.getKey());
            assertEquals(e.getValue(), c.count(node), "count of " + e.getKey());
            int expectedCont = leftContexts.getOrDefault(e.getKey(), Set.of()).size();
            if (g.length < order) assertEquals(expectedCont, c.continuation(node), "continuation of " + e.getKey());
            assertEquals(g.length, c.depth(node));
        }
        // Children are sorted and contiguous; unseen n-grams are not found.
        for (int x = 0; x < c.nodes(); x++) {
            for (int y = c.firstChild(x) + 1; y < c.endChild(x); y++) assertTrue(c.token(y - 1) < c.token(y));
        }
        int unseen = 0;
        for (int code = 0; code < v * v * v * v; code++) {
            int[] g = {code % v, code / v % v, code / (v * v) % v, code / (v * v * v)};
            if (counts.containsKey(List.of(g[0], g[1], g[2], g[3]))) continue;
            assertTrue(c.find(g, 0, 4) < 0, "found an n-gram that never occurred");
            unseen++;
        }
        assertTrue(unseen > 0);
        assertEquals(ids.length, c.tokens());
    }

    @Test
    void rejectsBadOrdersAndIds() {
        assertThrows(IllegalArgumentException.class, () -> NgramCounter.count(new int[] {0, 1}, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> NgramCounter.count(new int[] {0, 2}, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> NgramCounter.count(new int[0], 2, 2));
    }

    @Test
    void textShorterThanTheOrderStillCounts() {
        NgramCounts c = NgramCounter.count(new int[] {1, 0}, 5, 3);
        assertEquals(3, c.ngrams(5)); // "1", "0", "1 0"
        assertEquals(1, c.count(c.find(new int[] {1, 0}, 0, 2)));
    }
}
