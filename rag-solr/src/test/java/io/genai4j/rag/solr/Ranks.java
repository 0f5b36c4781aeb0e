package io.genai4j.rag.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Two rankings compared as equal up to ties: same scores rank by rank, and within a run of tied scores the same chunks. */
final class Ranks {
    private Ranks() {}

    static void assertSameUpToTies(String what, List<Plan.Ranked> expected, List<Plan.Ranked> actual, double tolerance) {
        assertEquals(ids(expected, 0, expected.size()).size(), expected.size(), what + ": a chunk twice in " + expected);
        assertEquals(expected.size(), actual.size(), () -> what + ": hits\n expected " + expected + "\n actual   " + actual);
        int i = 0;
        while (i < expected.size()) {
            int j = i + 1;
            while (j < expected.size() && close(expected.get(j).score(), expected.get(i).score(), tolerance)) j++;
            for (int t = i; t < j; t++) {
                int rank = t;
                assertTrue(close(actual.get(t).score(), expected.get(t).score(), tolerance),
                        () -> what + ": score at rank " + (rank + 1) + "\n expected " + expected + "\n actual   " + actual);
            }
            // A tie run cut off by k may end in any of the tied chunks; a whole one must hold the same ones.
            if (j < expected.size()) {
                int from = i, to = j;
                assertEquals(ids(expected, i, j), ids(actual, i, j),
                        () -> what + ": ranks " + (from + 1) + ".." + to + "\n expected " + expected + "\n actual   " + actual);
            }
            i = j;
        }
    }

    static boolean close(double a, double b, double tolerance) {
        return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a));
    }

    private static Set<String> ids(List<Plan.Ranked> r, int from, int to) {
        Set<String> out = new HashSet<>();
        for (Plan.Ranked x : r.subList(from, to)) out.add(x.id());
        return out;
    }
}
