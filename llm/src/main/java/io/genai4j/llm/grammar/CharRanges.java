package io.genai4j.llm.grammar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Building {@link Grammar.Chars}: unions, complements and the usual classes, surrogates always left out. */
final class CharRanges {
    private CharRanges() {}

    static final int MAX = 0x10FFFF;
    private static final int[] SURROGATES = {0xD800, 0xDFFF};

    /** The class of the inclusive ranges given as pairs, normalized (sorted, merged, surrogates removed). */
    static Grammar.Chars of(int... pairs) {
        List<int[]> rs = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i] > pairs[i + 1]) throw new IllegalArgumentException("character range " + pairs[i] + ".." + pairs[i + 1] + " is reversed");
            rs.add(new int[] {pairs[i], pairs[i + 1]});
        }
        rs.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<Integer> out = new ArrayList<>();
        for (int[] r : rs) {
            int n = out.size();
            if (n > 0 && r[0] <= out.get(n - 1) + 1) out.set(n - 1, Math.max(out.get(n - 1), r[1]));
            else {
                out.add(r[0]);
                out.add(r[1]);
            }
        }
        int[] merged = out.stream().mapToInt(Integer::intValue).toArray();
        return new Grammar.Chars(minus(merged, SURROGATES));
    }

    static Grammar.Chars single(int cp) {
        return of(cp, cp);
    }

    static Grammar.Chars any() {
        return of(0, MAX);
    }

    /** Every code point not in c (surrogates excluded). */
    static Grammar.Chars complement(Grammar.Chars c) {
        return new Grammar.Chars(minus(any().ranges(), c.ranges()));
    }

    static Grammar.Chars union(Grammar.Chars a, Grammar.Chars b) {
        int[] both = Arrays.copyOf(a.ranges(), a.ranges().length + b.ranges().length);
        System.arraycopy(b.ranges(), 0, both, a.ranges().length, b.ranges().length);
        return of(both);
    }

    /** Sorted merged ranges a without those of b. */
    private static int[] minus(int[] a, int[] b) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < a.length; i += 2) {
            int lo = a[i], hi = a[i + 1];
            for (int j = 0; j < b.length && lo <= hi; j += 2) {
                if (b[j + 1] < lo || b[j] > hi) continue;
                if (b[j] > lo) {
                    out.add(lo);
                    out.add(b[j] - 1);
                }
                lo = b[j + 1] + 1;
            }
            if (lo <= hi) {
                out.add(lo);
                out.add(hi);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    static final Grammar.Chars DIGIT = of('0', '9');
    static final Grammar.Chars WORD = of('0', '9', 'A', 'Z', '_', '_', 'a', 'z');
    static final Grammar.Chars SPACE = of(' ', ' ', '\t', '\r');
    static final Grammar.Chars HEX = of('0', '9', 'A', 'F', 'a', 'f');
}
