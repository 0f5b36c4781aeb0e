package io.genai4j.cli.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.cli.CliRun;
import io.genai4j.cli.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** genai vae train, sample, eval and map on a tiny budget, and the one-line errors. */
class VaeCliTest {
    @TempDir
    Path dir;

    @Test
    void trainSampleEval() throws Exception {
        String data = TestData.mnistDir();
        Path model = dir.resolve("vae.safetensors");
        CliRun t = CliRun.of("vae", "train", "--data", data, "--latent", "2", "--width", "4", "--train-size", "64", "--batch-size", "16",
                "--max-steps", "4", "--eval-every", "2", "--out", model.toString(), "--json");
        assertEquals(0, t.code(), t.err());
        JsonNode j = t.json();
        assertEquals(4, j.get("steps").asInt());
        assertEquals(2, j.get("config").get("latent").asInt());
        double elbo = j.get("test_negative_elbo").asDouble();
        assertTrue(elbo > 0 && elbo < 800, j.toString());
        assertEquals(elbo, j.get("test_reconstruction").asDouble() + j.get("test_kl").asDouble(), 0.01);

        CliRun e = CliRun.of("vae", "eval", "--data", data, "--model", model.toString(), "--json");
        assertEquals(0, e.code(), e.err());
        assertEquals(1500, e.json().get("images").asInt());
        assertEquals(elbo, e.json().get("negative_elbo").asDouble(), 1e-3, "the same seed gives the same figure as at the end of training");

        CliRun s = CliRun.of("vae", "sample", "--data", data, "--model", model.toString(), "--n", "6", "--strips", "2", "--steps", "5",
                "--out-dir", dir.toString(), "--json");
        assertEquals(0, s.code(), s.err());
        for (String k : new String[] {"samples", "reconstructions", "interpolation"}) assertTrue(Files.size(Path.of(s.json().get(k).asText())) > 1000, k);

        Path png = dir.resolve("map.png");
        CliRun m = CliRun.of("vae", "map", "--data", data, "--model", model.toString(), "--grid", "5", "--png", png.toString(), "--json");
        assertEquals(0, m.code(), m.err());
        assertEquals(1500, m.json().get("digits").asInt());
        assertEquals(10, m.json().get("centroids").size());
        double acc = m.json().get("nearest_centroid_accuracy").asDouble();
        assertTrue(acc > 0 && acc <= 1, m.out());
        assertTrue(Files.size(png) > 5000);
    }

    @Test
    void userErrorsAreOneLine() throws Exception {
        CliRun missing = CliRun.of("vae", "eval", "--model", dir.resolve("none.safetensors").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("genai vae train"), missing.err());
        CliRun noData = CliRun.of("vae", "train", "--data", dir.toString(), "--max-steps", "1");
        assertEquals(2, noData.code());
        assertTrue(noData.err().contains("MNIST file"), noData.err());
        CliRun badLatent = CliRun.of("vae", "train", "--data", TestData.mnistDir(), "--latent", "0");
        assertEquals(2, badLatent.code());
        assertTrue(badLatent.err().contains("--latent"), badLatent.err());
        CliRun notFound = CliRun.of("vae", "map", "--model", dir.resolve("none.safetensors").toString());
        assertEquals(2, notFound.code());
        assertTrue(notFound.err().contains("genai vae train"), notFound.err());
    }
}
