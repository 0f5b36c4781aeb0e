package io.genai4j.llm.grammar;

import java.util.ArrayList;
import java.util.List;

/**
 * Decimal numerals of a range as a grammar, digit position by digit position (the construction of
 * llama.cpp's json-schema-to-grammar for integer bounds): {@code [123, 4567]} splits into numerals of
 * 3 and of 4 digits, each split again on the first digit where the bounds differ. Exact for
 * integers; numbers with a fraction get the integer parts whose whole open interval
 * {@code (I, I+1)} lies inside the range, with fractions ending in a non-zero digit.
 */
final class NumberRanges {
    private NumberRanges() {}

    /** Integers in [lo, hi] without leading zeros (and never "-0"). */
    static Grammar.Element integer(GrammarBuilder b, long lo, long hi) {
        List<List<Grammar.Element>> alts = new ArrayList<>();
        if (hi >= 0) alts.add(List.of(unsigned(b, Math.max(lo, 0), hi)));
        if (lo < 0) alts.add(List.of(CharRanges.single('-'), unsigned(b, Math.max(1, -hi), -lo)));
        return b.group("integer", alts);
    }

    /**
     * Numbers x with lo ≤ x ≤ hi (or lo < x, x < hi when not inclusive): integers, and I.F / -I.F
     * with the fraction F ending in a non-zero digit.
     */
    static Grammar.Element number(GrammarBuilder b, long lo, boolean loIn, long hi, boolean hiIn, String path) {
        List<List<Grammar.Element>> alts = new ArrayList<>();
        long a = loIn ? lo : lo + 1, z = hiIn ? hi : hi - 1;
        if (a <= z) alts.add(List.of(integer(b, a, z)));
        Grammar.Element frac = b.group("frac", List.of(List.of(CharRanges.single('.'),
                b.group("digits", List.of(b.repeat(CharRanges.DIGIT, 0, JsonSchema.MAX_DIGITS - 1))), CharRanges.of('1', '9'))));
        if (Math.max(lo, 0) <= hi - 1) alts.add(List.of(unsigned(b, Math.max(lo, 0), hi - 1), frac));
        if (Math.max(-hi, 0) <= -lo - 1) alts.add(List.of(CharRanges.single('-'), unsigned(b, Math.max(-hi, 0), -lo - 1), frac));
        if (alts.isEmpty()) throw new GrammarException(path + ": no number lies in the range");
        return b.group("number", alts);
    }

    /** Non-negative integers in [lo, hi] (lo ≤ hi), no leading zeros. */
    static Grammar.Element unsigned(GrammarBuilder b, long lo, long hi) {
        List<List<Grammar.Element>> alts = new ArrayList<>();
        for (int len = digits(lo); len <= digits(hi); len++) {
            long first = len == 1 ? 0 : pow10(len - 1), last = pow10(len) - 1;
            long x = Math.max(lo, first), y = Math.min(hi, last);
            if (x <= y) alts.addAll(fixed(b, Long.toString(x), Long.toString(y)));
        }
        return b.group("uint", alts);
    }

    /** Numerals of one length between x and y (same length, x ≤ y), as alternatives. */
    private static List<List<Grammar.Element>> fixed(GrammarBuilder b, String x, String y) {
        int n = x.length();
        char x0 = x.charAt(0), y0 = y.charAt(0);
        if (n == 1) return List.of(List.of(CharRanges.of(x0, y0)));
        String xr = x.substring(1), yr = y.substring(1);
        if (x0 == y0) return List.of(prepend(CharRanges.single(x0), b.group("digits", fixed(b, xr, yr))));
        if (xr.chars().allMatch(c -> c == '0') && yr.chars().allMatch(c -> c == '9')) return List.of(prepend(CharRanges.of(x0, y0), anyDigits(n - 1)));
        List<List<Grammar.Element>> alts = new ArrayList<>();
        alts.add(prepend(CharRanges.single(x0), b.group("digits", fixed(b, xr, "9".repeat(n - 1)))));
        if (x0 + 1 <= y0 - 1) alts.add(prepend(CharRanges.of(x0 + 1, y0 - 1), anyDigits(n - 1)));
        alts.add(prepend(CharRanges.single(y0), b.group("digits", fixed(b, "0".repeat(n - 1), yr))));
        return alts;
    }

    private static List<Grammar.Element> prepend(Grammar.Element first, Object rest) {
        List<Grammar.Element> seq = new ArrayList<>();
        seq.add(first);
        if (rest instanceof Grammar.Element e) seq.add(e);
        else for (Object o : (List<?>) rest) seq.add((Grammar.Element) o);
        return seq;
    }

    private static List<Grammar.Element> anyDigits(int n) {
        List<Grammar.Element> seq = new ArrayList<>();
        for (int i = 0; i < n; i++) seq.add(CharRanges.DIGIT);
        return seq;
    }

    private static int digits(long v) {
        return Long.toString(v).length();
    }

    private static long pow10(int e) {
        long p = 1;
        for (int i = 0; i < e; i++) p *= 10;
        return p;
    }
}
