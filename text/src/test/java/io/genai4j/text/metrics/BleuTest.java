package io.genai4j.text.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * BLEU against values computed by hand from the n-gram counts, and the 13a tokenizer's rules. Every
 * expected score here also equals sacreBLEU 2.6.0's {@code corpus_bleu} on the same strings.
 */
class BleuTest {

    @Test
    void identicalTextScoresOneHundred() {
        Bleu.Score s = Bleu.corpus(List.of("the cat sat on the mat ."), List.of("the cat sat on the mat ."));
        assertEquals(100.0, s.bleu(), 1e-9);
        assertEquals(1.0, s.brevityPenalty());
    }

    @Test
    void handComputedSentenceWithBrevityPenalty() {
        // hyp a b c d e f (6), ref a b c d x f g (7):
        //   1-grams 5/6 (e is wrong), 2-grams 3/5 (ab bc cd), 3-grams 2/4 (abc bcd), 4-grams 1/3 (abcd)
        //   BP = exp(1 − 7/6); BLEU = 100 · BP · (5/6 · 3/5 · 2/4 · 1/3)^¼ = 100 · exp(−1/6) · (1/12)^¼
        Bleu.Score s = Bleu.corpus(List.of("a b c d e f"), List.of("a b c d x f g"));
        assertArrayEquals(new long[] {5, 3, 2, 1}, s.matches());
        assertArrayEquals(new long[] {6, 5, 4, 3}, s.totals());
        assertEquals(Math.exp(-1.0 / 6), s.brevityPenalty(), 1e-12);
        assertEquals(100 * Math.exp(-1.0 / 6) * Math.pow(1.0 / 12, 0.25), s.bleu(), 1e-9);
        assertEquals(45.4802, s.bleu(), 1e-4);
    }

    @Test
    void countsAreClippedByTheReference() {
        // "the" occurs 4 times in the hypothesis but twice in the reference: 2/4 unigrams, no bigram.
        Bleu.Score s = Bleu.corpus(List.of("the the the the"), List.of("the cat the mat"));
        assertEquals(2, s.matches()[0]);
        assertEquals(0, s.matches()[1]);
        // exp smoothing: p2 = 1/(2·3), p3 = 1/(4·2), p4 = 1/(8·1); BP = 1 (same length)
        double want = 100 * Math.pow(0.5 * (1.0 / 6) * (1.0 / 8) * (1.0 / 8), 0.25);
        assertEquals(want, s.bleu(), 1e-9);
    }

    @Test
    void oneMissingOrderIsSmoothed() {
        // a b c d vs a b c e: p = 3/4, 2/3, 1/2 and 0/1 → 1/(2·1); BLEU = 100 · (3/4 · 2/3 · 1/2 · 1/2)^¼ = 100 · 8^−¼
        assertEquals(100 * Math.pow(8, -0.25), Bleu.corpus(List.of("a b c d"), List.of("a b c e")).bleu(), 1e-9);
    }

    @Test
    void corpusScorePoolsCountsInsteadOfAveragingSentences() {
        // s1: hyp = ref (4 tokens): matches 4/3/2/1 of 4/3/2/1.  s2: hyp "x y" vs ref "z w v u": 0/2, 0/1, none.
        // Pooled: p = 4/6, 3/4, 2/2, 1/1; c = 6, r = 8 → BP = exp(1 − 8/6).
        Bleu.Score s = Bleu.corpus(List.of("a b c d", "x y"), List.of("a b c d", "z w v u"));
        double want = 100 * Math.exp(1 - 8.0 / 6) * Math.pow((4.0 / 6) * (3.0 / 4), 0.25);
        assertEquals(want, s.bleu(), 1e-9);
        assertEquals(6, s.hypLength());
        assertEquals(8, s.refLength());
    }

    @Test
    void emptyOrTooShortHypothesesScoreZero() {
        assertEquals(0.0, Bleu.corpus(List.of(""), List.of("a b c")).bleu());
        assertEquals(0.0, Bleu.corpus(List.of("a b"), List.of("a b")).bleu(), "no 3-grams at all: BLEU is 0 without effective order");
    }

    @Test
    void tokenizer13aSplitsPunctuationButNotNumbersOrApostrophes() {
        assertEquals(List.of("hello", ",", "world", "!"), Tokenizer13a.tokenize("hello, world!"));
        assertEquals(List.of("il", "coûte", "3.5", "euros", "et", "1,000", "."), Tokenizer13a.tokenize("il coûte 3.5 euros et 1,000."));
        assertEquals(List.of("l'homme", "dit", ":", "\"", "non", "\"", "."), Tokenizer13a.tokenize("l'homme dit: &quot;non&quot;."));
        assertEquals(List.of("qui", "est", "là", "?"), Tokenizer13a.tokenize("  qui est   là ?"));
        assertEquals(List.of("1990", "-", "2000", "(", "a", "/", "b", ")"), Tokenizer13a.tokenize("1990-2000 (a/b)"));
        assertEquals(List.of(), Tokenizer13a.tokenize("   "));
    }

    @Test
    void scoreReadsLikeSacreBleu() {
        String s = Bleu.corpus(List.of("a b c d e f"), List.of("a b c d x f g")).toString();
        assertEquals("BLEU = 45.48 83.3/60.0/50.0/33.3 (BP = 0.846 ratio = 0.857 hyp_len = 6 ref_len = 7)", s);
    }

    @Test
    void agreesWithSacreBleuOnAHundredPerturbedLines() throws Exception {
        // 100 tiny-Shakespeare lines with words dropped, swapped, appended or lower-cased (the file);
        // sacrebleu.corpus_bleu(hyps, [refs]) gives 66.54160659853811 with counts [831, 612, 457, 360] / [966, 866, 766, 666].
        List<String> hyps = new java.util.ArrayList<>(), refs = new java.util.ArrayList<>();
        try (var in = BleuTest.class.getResourceAsStream("/bleu/shakespeare-pairs.tsv")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String[] p = line.split("\t");
                hyps.add(p[0]);
                refs.add(p[1]);
            }
        }
        Bleu.Score s = Bleu.corpus(hyps, refs);
        assertArrayEquals(new long[] {831, 612, 457, 360}, s.matches());
        assertArrayEquals(new long[] {966, 866, 766, 666}, s.totals());
        assertEquals(66.54160659853811, s.bleu(), 1e-9);
    }
}
