package io.genai4j.cli.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.cli.CliRun;
import io.genai4j.models.vision.Mnist;
import io.genai4j.text.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** genai diffusion train --space pixel, sample --label --guidance, guidance, and the pixel row of generative compare, tiny budgets. */
class PixelDiffusionCliTest {
    @TempDir
    Path dir;

    @Test
    void trainSampleGuideCompare() throws Exception {
        String data = SharedData.require("images/mnist/" + Mnist.IMAGES).getParent().toString();
        Path model = dir.resolve("pixel.safetensors");
        CliRun t = CliRun.of("diffusion", "train", "--space", "pixel", "--data", data, "--width", "4", "--timesteps", "20", "--batch-size", "4",
                "--max-steps", "2", "--eval-every", "2", "--out", model.toString(), "--json");
        assertEquals(0, t.code(), t.err());
        JsonNode j = t.json();
        assertEquals("pixel", j.get("space").asText());
        assertEquals(10, j.get("config").get("classes").asInt());
        assertEquals(0.1, j.get("config").get("label_dropout").asDouble());

        Path png = dir.resolve("threes.png");
        CliRun s = CliRun.of("diffusion", "sample", "--model", model.toString(), "--label", "3", "--guidance", "1", "--steps", "2", "--n", "3",
                "--png", png.toString(), "--json");
        assertEquals(0, s.code(), s.err());
        assertEquals("pixel", s.json().get("space").asText());
        assertTrue(Files.size(png) > 500);

        CliRun g = CliRun.of("diffusion", "guidance", "--model", model.toString(), "--data", data, "--weights", "0,3", "--steps", "2", "--n", "4",
                "--out-dir", dir.toString(), "--json");
        assertEquals(0, g.code(), g.err());
        JsonNode rows = g.json().get("rows");
        assertEquals(2, rows.size());
        assertEquals(3.0, rows.get(1).get("guidance").asDouble());
        double acc = rows.get(0).get("accuracy").asDouble();
        assertTrue(acc >= 0 && acc <= 1, g.out());
        assertTrue(Files.exists(Path.of(rows.get(1).get("grid").asText())));

        CliRun c = CliRun.of("generative", "compare", "--models", "pixel", "--pixel", model.toString(), "--data", data, "--steps", "2", "--n", "4",
                "--out-dir", dir.toString(), "--json");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.json().get("rows").get(1).get("model").asText().startsWith("pixel diffusion DDIM 2"), c.out());

        CliRun bad = CliRun.of("diffusion", "sample", "--model", model.toString(), "--label", "12", "--n", "2", "--png", png.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--label must be a digit 0-9"), bad.err());
        CliRun space = CliRun.of("diffusion", "train", "--space", "voxel");
        assertEquals(2, space.code());
        assertTrue(space.err().contains("--space must be latent or pixel"), space.err());
    }
}
