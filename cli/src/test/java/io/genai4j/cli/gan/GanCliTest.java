package io.genai4j.cli.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.cli.CliRun;
import io.genai4j.cli.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** genai gan train and sample on a tiny budget, and the one-line errors. */
class GanCliTest {
    @TempDir
    Path dir;

    @Test
    void trainThenSample() throws Exception {
        String data = TestData.mnistDir();
        Path model = dir.resolve("gan.safetensors"), strip = dir.resolve("strip.png");
        CliRun t = CliRun.of("gan", "train", "--data", data, "--latent", "4", "--width", "4", "--train-size", "64", "--batch-size", "16",
                "--max-steps", "4", "--snapshot-every", "2", "--snapshot-images", "3", "--out", model.toString(), "--strip", strip.toString(), "--json");
        assertEquals(0, t.code(), t.err());
        JsonNode j = t.json();
        assertEquals(4, j.get("steps").asInt());
        assertEquals(3, j.get("snapshots").asInt(), "before training, after 2 and after 4 updates");
        assertEquals(4, j.get("config").get("latent").asInt());
        assertTrue(j.get("discriminator_loss").asDouble() > 0, j.toString());
        assertTrue(Files.size(strip) > 1000);

        CliRun s = CliRun.of("gan", "sample", "--model", model.toString(), "--n", "5", "--out-dir", dir.toString(), "--json");
        assertEquals(0, s.code(), s.err());
        assertTrue(Files.size(Path.of(s.json().get("samples").asText())) > 1000);
    }

    @Test
    void userErrorsAreOneLine() throws Exception {
        CliRun missing = CliRun.of("gan", "sample", "--model", dir.resolve("none.safetensors").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("genai gan train"), missing.err());
        String data = TestData.mnistDir();
        CliRun badLabel = CliRun.of("gan", "train", "--data", data, "--real-label", "0.3", "--max-steps", "1");
        assertEquals(2, badLabel.code());
        assertTrue(badLabel.err().contains("--real-label"), badLabel.err());
    }
}
