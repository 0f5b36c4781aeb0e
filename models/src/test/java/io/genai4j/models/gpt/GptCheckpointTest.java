package io.genai4j.models.gpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Rng;
import io.genai4j.engine.io.CheckpointDir;
import io.genai4j.text.CharTokenizer;
import io.genai4j.text.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A GPT checkpoint is one consistent save, and a bad config.json is one clear line. */
class GptCheckpointTest {
    private static final String TEXT = "To be, or not to be, that is the question:\n".repeat(40)
            + "Whether 'tis nobler in the mind to suffer\n".repeat(20);

    private static TrainConfig config(int maxIters) {
        return new TrainConfig(4, maxIters, maxIters, 3e-3, 3e-4, 5, 10, 2, 0.1, 0.9, 0.99, 1.0, 3);
    }

    private static GptData data() {
        return GptData.of(new Corpus("toy", TEXT), CharTokenizer.fit(TEXT));
    }

    private static GptConfig tiny(int vocab) {
        return new GptConfig(1, 2, 16, 16, vocab, 0f, false);
    }

    private static void edit(Path file, String from, String to) throws Exception {
        String s = Files.readString(file);
        assertTrue(s.contains(from), s);
        Files.writeString(file, s.replace(from, to));
    }

    @Test
    void parameterCountMatchesABuiltModel() {
        for (GptConfig c : new GptConfig[] {tiny(11), new GptConfig(3, 4, 32, 24, 70, 0.1f, true), new GptConfig(2, 1, 8, 5, 3, 0f, false)}) {
            assertEquals((double) new Gpt(c, new Rng(1)).numParameters(), c.parameterCount(), c.toString());
        }
    }

    @Test
    void aCheckpointIsWrittenWithAManifestAndLoadsBack(@TempDir Path dir) throws Exception {
        CharTokenizer tok = CharTokenizer.fit(TEXT);
        GptCheckpoint.save(dir, new Gpt(tiny(tok.vocabSize()), new Rng(1)), tok, Map.of("iter", 7));
        assertEquals(7, CheckpointDir.verify(dir).iteration());
        assertEquals(7, ((Number) GptCheckpoint.load(dir).train().get("iter")).intValue());
    }

    @Test
    void weightsAndConfigOfDifferentSavesAreRefused(@TempDir Path dir) throws Exception {
        CharTokenizer tok = CharTokenizer.fit(TEXT);
        GptCheckpoint.save(dir, new Gpt(tiny(tok.vocabSize()), new Rng(1)), tok, Map.of("iter", 50));
        Path old = Files.copy(dir.resolve(GptCheckpoint.WEIGHTS), dir.getParent().resolve(dir.getFileName() + "-weights50"), StandardCopyOption.REPLACE_EXISTING);
        GptCheckpoint.save(dir, new Gpt(tiny(tok.vocabSize()), new Rng(2)), tok, Map.of("iter", 100));
        Files.copy(old, dir.resolve(GptCheckpoint.WEIGHTS), StandardCopyOption.REPLACE_EXISTING);
        var e = assertThrows(IllegalArgumentException.class, () -> GptCheckpoint.load(dir));
        assertTrue(e.getMessage().contains("model.safetensors") && e.getMessage().contains("iteration 100")
                && e.getMessage().contains("mixes files of different saves"), e.getMessage());
    }

    /** The case on the old layout: optimizer of a later save beside weights and config of an earlier one. */
    @Test
    void resumeRefusesAnOldLayoutFolderWhoseOptimizerIsFromAnotherSave(@TempDir Path tmp) throws Exception {
        GptData data = data();
        Path first = tmp.resolve("first"), later = tmp.resolve("later");
        new GptTrainer(new Gpt(tiny(data.tokenizer().vocabSize()), new Rng(1)), data, config(20), first).train();
        Files.createDirectories(later);
        try (var s = Files.list(first)) {
            for (Path p : s.toList()) Files.copy(p, later.resolve(p.getFileName()));
        }
        GptTrainer more = new GptTrainer(GptCheckpoint.load(later).model(), data, config(40), later);
        more.resumeFrom(later);
        more.train();
        Files.delete(first.resolve(CheckpointDir.MANIFEST));   // the layout of earlier versions
        Files.copy(later.resolve(GptTrainer.OPTIMIZER), first.resolve(GptTrainer.OPTIMIZER), StandardCopyOption.REPLACE_EXISTING);
        GptTrainer resumed = new GptTrainer(GptCheckpoint.load(first).model(), data, config(60), first);
        var e = assertThrows(IllegalArgumentException.class, () -> resumed.resumeFrom(first));
        assertTrue(e.getMessage().contains("optimizer.safetensors holds the optimizer of iteration") && e.getMessage().contains("mixed set"), e.getMessage());
    }

    @Test
    void anOldLayoutFolderThatIsConsistentStillLoadsAndResumes(@TempDir Path dir) throws Exception {
        GptData data = data();
        new GptTrainer(new Gpt(tiny(data.tokenizer().vocabSize()), new Rng(1)), data, config(20), dir).train();
        Files.delete(dir.resolve(CheckpointDir.MANIFEST));
        GptTrainer resumed = new GptTrainer(GptCheckpoint.load(dir).model(), data, config(30), dir);
        resumed.resumeFrom(dir);
        assertEquals(31, resumed.train().iters());
        assertTrue(Files.isRegularFile(dir.resolve(CheckpointDir.MANIFEST)), "the next save writes the new layout");
    }

    @Test
    void aHugeNLayerIsAnErrorBeforeAnythingIsAllocated(@TempDir Path dir) throws Exception {
        CharTokenizer tok = CharTokenizer.fit(TEXT);
        GptCheckpoint.save(dir, new Gpt(tiny(tok.vocabSize()), new Rng(1)), tok, Map.of());
        edit(dir.resolve(GptCheckpoint.CONFIG), "\"n_layer\":1", "\"n_layer\":1000000");
        var mixed = assertThrows(IllegalArgumentException.class, () -> GptCheckpoint.load(dir));
        assertTrue(mixed.getMessage().contains("config.json has ") && mixed.getMessage().contains("bytes where the manifest records"), mixed.getMessage());
        Files.delete(dir.resolve(CheckpointDir.MANIFEST));   // no manifest to catch it: the sizes must
        var e = assertThrows(IllegalArgumentException.class, () -> GptCheckpoint.load(dir));
        assertTrue(e.getMessage().contains("config.json: field 'config' (n_layer 1000000") && e.getMessage().contains("declares")
                && e.getMessage().contains("model.safetensors holds"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void badCodePointsAreOneLineNamingTheField(@TempDir Path dir) throws Exception {
        CharTokenizer tok = CharTokenizer.fit("abc");
        GptCheckpoint.save(dir, new Gpt(tiny(tok.vocabSize()), new Rng(1)), tok, Map.of());
        Files.delete(dir.resolve(CheckpointDir.MANIFEST));
        Path cfg = dir.resolve(GptCheckpoint.CONFIG);
        String good = Files.readString(cfg);
        edit(cfg, "[97,98,99]", "[97,98]");
        var e = assertThrows(IllegalArgumentException.class, () -> GptCheckpoint.load(dir));
        assertTrue(e.getMessage().contains("field 'tokenizer.code_points' has 2 entries but field 'config.vocab_size' is 3"), e.getMessage());
        Files.writeString(cfg, good.replace("[97,98,99]", "[97,\"b\",99]"));
        e = assertThrows(IllegalArgumentException.class, () -> GptCheckpoint.load(dir));
        assertTrue(e.getMessage().contains("'tokenizer.code_points[1]' is not a Unicode code point: b"), e.getMessage());
        Files.writeString(cfg, good.replace("[97,98,99]", "[97,99,98]"));
        e = assertThrows(IllegalArgumentException.class, () -> GptCheckpoint.load(dir));
        assertTrue(e.getMessage().contains("must be increasing"), e.getMessage());
        Files.writeString(cfg, good.replace("[97,98,99]", "[97,98,1114112]"));
        e = assertThrows(IllegalArgumentException.class, () -> GptCheckpoint.load(dir));
        assertTrue(e.getMessage().contains("code_points[2]"), e.getMessage());
    }

    @Test
    void aNanLossStopsTrainingBeforeAnythingIsSaved(@TempDir Path dir) throws Exception {
        GptData data = data();
        Gpt model = new Gpt(tiny(data.tokenizer().vocabSize()), new Rng(1));
        TrainConfig huge = new TrainConfig(4, 50, 50, 1e30, 1e29, 0, 1000, 2, 0.0, 0.9, 0.99, 1.0, 3);
        var e = assertThrows(io.genai4j.engine.optim.TrainingDiverged.class, () -> new GptTrainer(model, data, huge, dir).train());
        assertTrue(e.getMessage().startsWith("training stopped at iteration ") && e.getMessage().contains("the loss is NaN"), e.getMessage());
        assertFalse(Files.exists(dir.resolve(CheckpointDir.MANIFEST)), "no checkpoint of a diverged run");
    }
}
