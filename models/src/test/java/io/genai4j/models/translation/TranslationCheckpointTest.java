package io.genai4j.models.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Rng;
import io.genai4j.engine.io.CheckpointDir;
import io.genai4j.engine.optim.LrSchedule;
import io.genai4j.engine.optim.TrainingDiverged;
import io.genai4j.models.seq2seq.Seq2Seq;
import io.genai4j.models.seq2seq.Seq2SeqConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A translation checkpoint is one save (manifest verified on load), and a NaN loss stops training. */
class TranslationCheckpointTest {
    private final SharedVocab v = TinyPairs.vocab();
    private final ParallelCorpus data = new ParallelCorpus(TinyPairs.PAIRS, TinyPairs.PAIRS, TinyPairs.PAIRS, "tiny");

    private Seq2Seq model(long seed) {
        return new Seq2Seq(new Seq2SeqConfig("gru", "bahdanau", v.size(), 16, 16, 1, 0f), new Rng(seed));
    }

    @Test
    void weightsOfAnotherSaveAreRefused(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("ck");
        TranslationCheckpoint.save(dir, model(1), v, Map.of(), Map.of("steps", 250));
        Path old = Files.copy(dir.resolve(TranslationCheckpoint.WEIGHTS), tmp.resolve("w250"));
        TranslationCheckpoint.save(dir, model(2), v, Map.of(), Map.of("steps", 500));
        assertEquals(500, CheckpointDir.verify(dir).iteration());
        assertEquals(500, ((Number) TranslationCheckpoint.load(dir, "seq2seq").train().get("steps")).intValue());
        Files.copy(old, dir.resolve(TranslationCheckpoint.WEIGHTS), StandardCopyOption.REPLACE_EXISTING);
        var e = assertThrows(IllegalArgumentException.class, () -> TranslationCheckpoint.load(dir, "seq2seq"));
        assertTrue(e.getMessage().contains("model.safetensors") && e.getMessage().contains("iteration 500")
                && e.getMessage().contains("mixes files of different saves"), e.getMessage());
    }

    @Test
    void anOldLayoutFolderStillLoads(@TempDir Path dir) throws Exception {
        TranslationCheckpoint.save(dir, model(1), v, Map.of(), Map.of("steps", 3));
        Files.delete(dir.resolve(CheckpointDir.MANIFEST));
        assertEquals(3, ((Number) TranslationCheckpoint.load(dir, "seq2seq").train().get("steps")).intValue());
    }

    @Test
    void aNanLossStopsTrainingBeforeTheNextCheckpoint(@TempDir Path dir) throws Exception {
        TrainSettings huge = new TrainSettings(10, 0, 50, LrSchedule.constant(1e30), 0.9, 0.999, 1e-8, 0, 0f, 1.0, 1, 10, 1);
        Seq2Seq m = model(1);
        var e = assertThrows(TrainingDiverged.class,
                () -> new TranslationTrainer(m, v, huge).train(data, soFar -> TranslationCheckpoint.save(dir, m, v, Map.of(), Map.of("steps", soFar.steps()))));
        assertTrue(e.getMessage().startsWith("training stopped at ") && e.getMessage().contains("the loss is NaN"), e.getMessage());
        if (Files.exists(dir.resolve(CheckpointDir.MANIFEST))) {
            // what was saved before the divergence is intact and finite
            TranslationCheckpoint ck = TranslationCheckpoint.load(dir, "seq2seq");
            for (var t : ck.weights().values()) for (float x : t.toArray()) assertFalse(Float.isNaN(x));
        }
    }
}
