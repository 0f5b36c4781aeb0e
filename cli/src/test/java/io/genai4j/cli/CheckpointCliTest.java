package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint problems and diverged runs end as one line and exit 2, never a trace or a silent mix. */
class CheckpointCliTest {
    private static final String TEXT = "To be, or not to be, that is the question:\n".repeat(40)
            + "Whether 'tis nobler in the mind to suffer\n".repeat(20);

    private static CliRun train(Path corpus, Path out, String maxIters, String... more) {
        List<String> args = new ArrayList<>(List.of("gpt", "train", "--corpus", corpus.toString(), "--out", out.toString(),
                "--n-layer", "1", "--n-head", "2", "--n-embd", "16", "--block-size", "16", "--batch-size", "4", "--max-iters", maxIters,
                "--lr-decay-iters", "100", "--warmup-iters", "2", "--eval-interval", "5", "--eval-iters", "2", "--dropout", "0", "--threads", "1"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void assertOneLine(CliRun r, String... parts) {
        assertEquals(2, r.code(), r.err());
        for (String p : parts) assertTrue(r.err().contains(p), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void aDivergedGptRunStopsWithOneLineAndExit2(@TempDir Path dir) throws Exception {
        Path corpus = Files.writeString(dir.resolve("toy.txt"), TEXT);
        CliRun r = train(corpus, dir.resolve("run"), "50", "--learning-rate", "1e30", "--min-lr", "1e29");
        assertOneLine(r, "genai: training stopped at ", "the loss is NaN", "lower the learning rate");
    }

    @Test
    void aMixedCheckpointIsRefusedBySampleAndResume(@TempDir Path dir) throws Exception {
        Path corpus = Files.writeString(dir.resolve("toy.txt"), TEXT), out = dir.resolve("run");
        assertEquals(0, train(corpus, out, "10").code());
        Path early = Files.copy(out.resolve("config.json"), dir.resolve("config-early.json"));
        CliRun resumed = train(corpus, out, "30", "--resume");
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(0, CliRun.of("gpt", "sample", "--checkpoint", out.toString(), "--tokens", "5").code());
        Files.copy(early, out.resolve("config.json"), StandardCopyOption.REPLACE_EXISTING);
        assertOneLine(CliRun.of("gpt", "sample", "--checkpoint", out.toString(), "--tokens", "5"), "config.json", "mixes files of different saves");
        assertOneLine(train(corpus, out, "40", "--resume"), "config.json", "mixes files of different saves");
    }

    @Test
    void convertingTheWeightsOfACheckpointInPlaceKeepsItLoadable(@TempDir Path dir) throws Exception {
        Path corpus = Files.writeString(dir.resolve("toy.txt"), TEXT), out = dir.resolve("run");
        assertEquals(0, train(corpus, out, "5").code());
        long before = Files.size(out.resolve("model.safetensors"));
        CliRun c = CliRun.of("safetensors", "convert", out.resolve("model.safetensors").toString(), "--out", out.resolve("model.safetensors").toString(), "--type", "F16");
        assertEquals(0, c.code(), c.err());
        assertTrue(Files.size(out.resolve("model.safetensors")) < before);
        CliRun s = CliRun.of("gpt", "sample", "--checkpoint", out.toString(), "--tokens", "5");
        assertEquals(0, s.code(), s.err());
    }

    @Test
    void shortCodePointsAreOneLine(@TempDir Path dir) throws Exception {
        Path corpus = Files.writeString(dir.resolve("toy.txt"), TEXT), out = dir.resolve("run");
        assertEquals(0, train(corpus, out, "5").code());
        Files.delete(out.resolve("checkpoint.json"));   // a hand-edited folder of the old layout
        Path cfg = out.resolve("config.json");
        Files.writeString(cfg, Files.readString(cfg).replaceFirst("\"code_points\":\\[10,", "\"code_points\":["));
        assertOneLine(CliRun.of("gpt", "sample", "--checkpoint", out.toString(), "--tokens", "5"), "field 'tokenizer.code_points' has");
    }
}
