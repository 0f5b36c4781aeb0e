package io.genai4j.models.translation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Rng;
import io.genai4j.models.seq2seq.Seq2Seq;
import io.genai4j.models.seq2seq.Seq2SeqConfig;
import io.genai4j.models.transformer.Transformer;
import io.genai4j.models.transformer.TransformerConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Greedy and beam search on untrained (random) models: the search itself, not translation quality. */
class DecodingTest {
    private final SharedVocab v = TinyPairs.vocab();

    private List<TranslationModel> models() {
        return List.of(
                new Seq2Seq(new Seq2SeqConfig("gru", "bahdanau", v.size(), 16, 16, 1, 0f), new Rng(1)),
                new Seq2Seq(new Seq2SeqConfig("lstm", "luong", v.size(), 16, 16, 2, 0f), new Rng(2)),
                new Transformer(new TransformerConfig(v.size(), 2, 16, 4, 32, 0f, 64), new Rng(3)));
    }

    @Test
    void beamOfOneIsGreedy() {
        for (TranslationModel m : models()) {
            m.module().eval();
            for (Pair p : TinyPairs.PAIRS) {
                int[] src = v.encode(p.source());
                Decoding.Hypothesis g = Decoding.greedy(m, v, new int[][] {src}).get(0);
                Decoding.Hypothesis b = Decoding.beam(m, v, src, 1, 1.0);
                assertArrayEquals(g.ids(), b.ids(), m.kind() + " on " + p.source());
                assertEquals(g.logProb(), b.logProb(), 1e-4, m.kind());
                assertEquals(g.attention().length, b.attention().length);
            }
        }
    }

    @Test
    void greedyBatchEqualsOneByOneAndBeamNeverScoresWorse() {
        for (TranslationModel m : models()) {
            m.module().eval();
            int[][] all = TinyPairs.PAIRS.stream().map(p -> v.encode(p.source())).toArray(int[][]::new);
            List<Decoding.Hypothesis> batch = Decoding.greedy(m, v, all);
            for (int i = 0; i < all.length; i++) {
                Decoding.Hypothesis one = Decoding.greedy(m, v, new int[][] {all[i]}).get(0);
                assertArrayEquals(one.ids(), batch.get(i).ids(), m.kind() + ": padding a batch must not change a translation");
                Decoding.Hypothesis beam = Decoding.beam(m, v, all[i], 4, 0.0);
                // with no length penalty the beam maximises log-probability, and greedy is one of the paths it can keep
                assertTrue(beam.logProb() >= one.logProb() - 1e-4 || beam.ids().length == Decoding.maxLength(m, all[i].length),
                        m.kind() + ": beam " + beam.logProb() + " < greedy " + one.logProb());
            }
        }
    }

    @Test
    void attentionRowsAreDistributionsOverRealSourceTokens() {
        for (TranslationModel m : models()) {
            m.module().eval();
            int[][] src = {v.encode("i am cold ."), v.encode("where is the station ?")};
            List<Decoding.Hypothesis> hs = Decoding.greedy(m, v, src);
            for (int i = 0; i < 2; i++) {
                for (float[] row : hs.get(i).attention()) {
                    double sum = 0;
                    for (int j = 0; j < row.length; j++) {
                        sum += row[j];
                        if (j >= src[i].length) assertEquals(0f, row[j], m.kind() + ": padded source position got attention");
                    }
                    assertEquals(1.0, sum, 1e-4, m.kind());
                }
            }
        }
    }
}
