package io.genai4j.cli.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.cli.CliRun;
import io.genai4j.models.vision.Mnist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * genai vision on a synthetic IDX pair (2,100 28×28 images: a bar whose row is the label), so the
 * commands run without the shared data and in seconds.
 */
class VisionCliTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void data() throws IOException {
        SyntheticMnist.write(dir, 2100);
    }

    @Test
    void trainEvalAndAttentionOfAVit() throws Exception {
        Path ck = dir.resolve("vit.safetensors");
        CliRun t = CliRun.of("vision", "train", "--model", "vit", "--train-size", "80", "--max-steps", "10", "--cpu-seconds", "0",
                "--batch-size", "16", "--eval-every", "5", "--data", dir.toString(), "--out", ck.toString(), "--json");
        assertEquals(0, t.code(), t.err());
        JsonNode j = t.json();
        assertEquals(10, j.get("steps").asInt());
        assertEquals(80, j.get("train_size").asInt());
        assertTrue(Files.size(ck) > 10_000);

        Path grid = dir.resolve("grid.png");
        CliRun e = CliRun.of("vision", "eval", "--checkpoint", ck.toString(), "--data", dir.toString(), "--png", grid.toString(), "--json");
        assertEquals(0, e.code(), e.err());
        assertEquals(1500, e.json().get("test_images").asInt());
        assertEquals(10, e.json().get("confusion").size());
        assertTrue(Files.size(grid) > 1000);

        Path att = dir.resolve("att.png");
        CliRun a = CliRun.of("vision", "attention", "--checkpoint", ck.toString(), "--index", "3", "--data", dir.toString(), "--png", att.toString(), "--json");
        assertEquals(0, a.code(), a.err());
        assertEquals(4, a.json().get("maps").size());
        assertEquals(4, a.json().get("grid").asInt());
        assertTrue(Files.size(att) > 1000);
    }

    @Test
    void compareRunsEveryCombinationAndPlots() throws Exception {
        Path png = dir.resolve("cmp.png");
        CliRun c = CliRun.of("vision", "compare", "--sizes", "40", "--seeds", "1", "--augment", "both", "--models", "cnn",
                "--cpu-seconds", "0.2", "--eval-every", "1000", "--data", dir.toString(), "--png", png.toString(), "--json");
        assertEquals(0, c.code(), c.err());
        assertEquals(2, c.json().get("runs").size());
        assertEquals(2, c.json().get("summary").size());
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void userErrorsAreOneLine() {
        CliRun badModel = CliRun.of("vision", "train", "--model", "resnet", "--data", dir.toString());
        assertEquals(2, badModel.code());
        assertTrue(badModel.err().contains("resnet"), badModel.err());
        CliRun noData = CliRun.of("vision", "eval", "--checkpoint", dir.resolve("none.safetensors").toString());
        assertEquals(2, noData.code());
        CliRun missing = CliRun.of("vision", "train", "--data", dir.resolve("nowhere").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains(Mnist.IMAGES), missing.err());
    }
}
