package io.genai4j.models.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Rng;
import io.genai4j.engine.io.Checkpoints;
import io.genai4j.engine.optim.LrSchedule;
import io.genai4j.models.seq2seq.Seq2Seq;
import io.genai4j.models.seq2seq.Seq2SeqConfig;
import io.genai4j.models.transformer.Transformer;
import io.genai4j.models.transformer.TransformerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both models learn ten pairs by heart with the shared training loop (teacher forcing, clipping,
 * the schedules), then translate them back exactly, with BLEU 100; a checkpoint round trip keeps
 * the translations.
 */
class LearningTest {
    private final SharedVocab v = TinyPairs.vocab();
    private final ParallelCorpus data = new ParallelCorpus(TinyPairs.PAIRS, TinyPairs.PAIRS, TinyPairs.PAIRS, "tiny");

    @Test
    void rnnWithAttentionMemorisesTenPairs(@TempDir Path dir) throws Exception {
        for (String[] variant : new String[][] {{"gru", "bahdanau"}, {"lstm", "luong"}}) {
            Seq2Seq m = new Seq2Seq(new Seq2SeqConfig(variant[0], variant[1], v.size(), 32, 32, 1, 0f), new Rng(5));
            check(m, new TrainSettings(10, 0, 150, LrSchedule.constant(1e-2), 0.9, 0.999, 1e-8, 0, 0f, 1.0, 150, 10, 1), dir.resolve(variant[0]));
        }
    }

    @Test
    void transformerMemorisesTenPairs(@TempDir Path dir) throws Exception {
        Transformer m = new Transformer(new TransformerConfig(v.size(), 2, 32, 8, 64, 0f, 64), new Rng(6));
        check(m, new TrainSettings(10, 0, 150, LrSchedule.inverseSqrt(32, 20, 1.0), 0.9, 0.98, 1e-9, 0, 0.1f, 1.0, 150, 10, 1), dir);
    }

    private void check(TranslationModel m, TrainSettings s, Path dir) throws Exception {
        TranslationTrainer t = new TranslationTrainer(m, v, s);
        double before = t.validate(Batches.fixed(TinyPairs.PAIRS, v, 10));
        TranslationTrainer.Result r = t.train(data, null);
        assertTrue(r.valLoss() < 0.2 * before, m.kind() + ": loss " + before + " → " + r.valLoss());
        m.module().eval();
        var ev = Translations.bleu(m, v, TinyPairs.PAIRS, 1, Translations.QUIETLY);
        assertEquals(100.0, ev.bleu().bleu(), 1e-9, m.kind() + " " + ev.hypotheses());
        TranslationCheckpoint.save(dir, m, v, Map.of("max_words", 10), Map.of("steps", r.steps()));
        TranslationCheckpoint ck = TranslationCheckpoint.load(dir, m.kind());
        TranslationModel again = m instanceof Seq2Seq s2 ? ck.into(new Seq2Seq(s2.config, new Rng(99)))
                : ck.into(new Transformer(((Transformer) m).config, new Rng(99)));
        List<String> src = TinyPairs.PAIRS.stream().map(Pair::source).toList();
        int[] reported = {0};   // the library reports progress to its caller instead of drawing a bar
        assertEquals(ev.hypotheses(), Translations.translate(again, ck.vocab(), src, 1, n -> reported[0] += n).stream().map(Translations.Translation::text).toList());
        assertEquals(src.size(), reported[0], "every translated sentence is reported once");
        assertEquals(Checkpoints.load(dir.resolve(TranslationCheckpoint.WEIGHTS)).keySet(), m.module().stateDict().keySet());
    }
}
