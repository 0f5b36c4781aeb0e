package io.genai4j.models.ngram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every smoothing is a distribution: checked exhaustively over a small vocabulary and all short histories. */
class SmoothingTest {
    static final int V = 5; // token 4 never occurs in training

    static List<LanguageModel> models() {
        SplittableRandom r = new SplittableRandom(11);
        int[] ids = new int[400];
        for (int i = 0; i < ids.length; i++) ids[i] = r.nextInt(4) == 0 ? r.nextInt(4) : (i > 1 ? ids[i - 2] : 0);
        NgramCounts c = NgramCounter.count(ids, 3, V);
        List<LanguageModel> out = new ArrayList<>();
        for (int order = 1; order <= 3; order++) {
            out.add(new KneserNey(c, order));
            out.add(new KneserNey(c, order, new double[] {0.3, 1.1, 2.9}));
            out.add(new AddK(c, order, 1));
            out.add(new AddK(c, order, 0.01));
            out.add(new StupidBackoff(c, order, 0.4));
        }
        return out;
    }

    @Test
    void probabilitiesSumToOneForEveryHistory() {
        for (LanguageModel lm : models()) {
            double[] p = new double[V];
            for (int len = 0; len <= 3; len++) {
                int histories = (int) Math.pow(V, len);
                for (int code = 0; code < histories; code++) {
                    int[] seq = new int[len + 1];
                    for (int i = 0, x = code; i < len; i++, x /= V) seq[i] = x % V;
                    lm.distribution(seq, len, p);
                    double sum = 0;
                    for (int w = 0; w < V; w++) {
                        assertTrue(p[w] > 0, lm.describe() + " gives zero probability");
                        sum += p[w];
                        seq[len] = w;
                        assertEquals(Math.log(p[w]), lm.logProb(seq, len), 1e-12, lm.describe() + ": logProb disagrees with distribution");
                    }
                    assertEquals(1.0, sum, 1e-12, lm.describe() + " order " + lm.order() + " history length " + len);
                }
            }
        }
    }

    @Test
    void stupidBackoffScoresAreNotNormalisedButItsProbabilitiesAre() {
        NgramCounts c = NgramCounter.count(new int[] {0, 1, 0, 1, 2, 0}, 2, 4);
        StupidBackoff sb = new StupidBackoff(c, 2, 0.4);
        double sum = 0;
        for (int w = 0; w < 4; w++) sum += sb.score(new int[] {0, w}, 1);
        // After "a": S(b|a) = 2/2 = 1, and the others back off with 0.4 · add-one unigram > 0.
        assertTrue(sum > 1.0001, "raw scores sum to " + sum);
        assertEquals(1.0, sb.score(new int[] {0, 1}, 1), 1e-15);
        assertEquals(0.4 * (3 + 1) / (6.0 + 4), sb.score(new int[] {0, 0}, 1), 1e-15);
    }

    /** A uniform model must have perplexity V, whatever the text. */
    @Test
    void uniformModelsHavePerplexityEqualToTheVocabularySize() {
        int v = 7;
        LanguageModel uniform = new LanguageModel() {
            public int vocabSize() { return v; }
            public int order() { return 1; }
            public void distribution(int[] seq, int end, double[] out) { java.util.Arrays.fill(out, 1.0 / v); }
            public String describe() { return "uniform"; }
        };
        int[] text = {3, 1, 4, 1, 5, 6, 2, 0, 0, 6};
        assertEquals(v, Evaluation.of(uniform, text, 10, 0).perplexity(), 1e-9);
        // Every token seen exactly once: all three smoothed unigrams become exactly uniform.
        NgramCounts once = NgramCounter.count(new int[] {0, 1, 2, 3, 4, 5, 6}, 1, v);
        for (LanguageModel lm : List.of(new KneserNey(once, 1), new AddK(once, 1, 0.5), new StupidBackoff(once, 1, 0.4))) {
            assertEquals(v, Evaluation.of(lm, text, 10, 0).perplexity(), 1e-9, lm.describe());
        }
    }
}
