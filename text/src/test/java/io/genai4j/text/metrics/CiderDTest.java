package io.genai4j.text.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CIDEr-D against values worked out by hand from the paper's definition (σ = 6, n = 1..4, ×10). */
class CiderDTest {
    private static List<String> w(String s) {
        return Arrays.asList(s.split(" "));
    }

    @Test
    void exactAndShortCandidatesOnTwoImages() {
        // Two images, one reference each, no shared n-gram: every df is 1, every idf is ln 2.
        // Image A, "a b" for "a b": orders 1 and 2 have cosine 1, orders 3 and 4 have no n-grams (0);
        //   10 · (1 + 1 + 0 + 0) / 4 = 5.
        // Image B, "c" for "c d": order 1: ln2·ln2 / (ln2 · √2·ln2) = 1/√2; lengths 1 vs 2 give e^(−1/72);
        //   10 · e^(−1/72)/√2 / 4 = 1.743384...
        CiderD.Score s = CiderD.score(List.of(w("a b"), w("c")), List.of(List.of(w("a b")), List.of(w("c d"))));
        double b = 10 * Math.exp(-1.0 / 72) / Math.sqrt(2) / 4;
        assertEquals(5.0, s.perImage()[0], 1e-12);
        assertEquals(1.743384, b, 1e-6);
        assertEquals(b, s.perImage()[1], 1e-12);
        assertEquals((5.0 + b) / 2, s.cider(), 1e-12);
    }

    @Test
    void repeatedWordsAreClippedByTheReference() {
        // Image A, "a a b" for "a b": g(c) = {a: 2·ln2, b: ln2}, ‖g(c)‖ = √5·ln2; g(s) = {a: ln2, b: ln2}, ‖g(s)‖ = √2·ln2.
        //   order 1: (min(2ln2, ln2)·ln2 + ln2·ln2) / (√5·√2·ln2²) = 2/√10   (the second "a" earns nothing)
        //   order 2: "a a" (df 0, idf ln2) and "a b" against "a b": ln2² / (√2·ln2 · ln2) = 1/√2
        //   order 3: the reference has no trigram, so 0; length 3 vs 2: e^(−1/72)
        CiderD.Score s = CiderD.score(List.of(w("a a b"), w("c d")), List.of(List.of(w("a b")), List.of(w("c d"))));
        double a = 10 * Math.exp(-1.0 / 72) * (2 / Math.sqrt(10) + 1 / Math.sqrt(2)) / 4;
        assertEquals(a, s.perImage()[0], 1e-12);
        assertEquals(5.0, s.perImage()[1], 1e-12);
    }

    @Test
    void wordsEveryImageSharesCarryNoWeightAndOneImageScoresZero() {
        // "a" is in both images' references: idf = ln(2/2) = 0, so order 1 is b (or c) alone: cosine 1.
        CiderD.Score s = CiderD.score(List.of(w("a b"), w("a b")), List.of(List.of(w("a b")), List.of(w("a c"))));
        assertEquals(5.0, s.perImage()[0], 1e-12);
        // image 2: order 1: g(c) = {a: 0, b: ln2}, g(s) = {a: 0, c: ln2}: no overlap; order 2: "a b" vs "a c": 0
        assertEquals(0.0, s.perImage()[1], 1e-12);
        // With a single image every idf is ln(1/1) = 0: CIDEr-D is 0 even for a perfect caption.
        assertEquals(0.0, CiderD.score(List.of(w("a b")), List.of(List.of(w("a b")))).cider(), 1e-12);
    }

    @Test
    void severalReferencesAreAveraged() {
        // Image A has references "a b" and "c d"; candidate "a b". df: a, b, c, d, "a b", "c d" all 1 (image B: "e f").
        // Against "a b": 5 (as above); against "c d": 0; mean over the two references: 2.5.
        CiderD.Score s = CiderD.score(List.of(w("a b"), w("e f")), List.of(List.of(w("a b"), w("c d")), List.of(w("e f"))));
        assertEquals(2.5, s.perImage()[0], 1e-12);
    }
}
