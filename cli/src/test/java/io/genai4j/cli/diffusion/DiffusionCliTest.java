package io.genai4j.cli.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.cli.CliRun;
import io.genai4j.cli.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** genai diffusion train, sample (DDPM and DDIM) and eval on a tiny VAE, tiny budgets. */
class DiffusionCliTest {
    @TempDir
    Path dir;

    @Test
    void trainSampleEval() throws Exception {
        String data = TestData.mnistDir();
        Path vae = dir.resolve("vae.safetensors"), model = dir.resolve("ld.safetensors");
        CliRun v = CliRun.of("vae", "train", "--data", data, "--latent", "3", "--width", "4", "--train-size", "32", "--batch-size", "16",
                "--max-steps", "2", "--eval-every", "2", "--out", vae.toString());
        assertEquals(0, v.code(), v.err());
        CliRun t = CliRun.of("diffusion", "train", "--vae", vae.toString(), "--data", data, "--timesteps", "40", "--hidden", "16", "--depth", "1",
                "--max-steps", "4", "--eval-every", "2", "--schedule", "linear", "--out", model.toString(), "--json");
        assertEquals(0, t.code(), t.err());
        JsonNode j = t.json();
        assertEquals(4, j.get("steps").asInt());
        assertEquals("linear", j.get("config").get("schedule").asText());
        assertEquals(3, j.get("config").get("latent").asInt());
        for (String sampler : new String[] {"ddpm", "ddim"}) {
            Path png = dir.resolve(sampler + ".png");
            CliRun s = CliRun.of("diffusion", "sample", "--model", model.toString(), "--vae", vae.toString(), "--sampler", sampler, "--steps", "5",
                    "--n", "4", "--png", png.toString(), "--json");
            assertEquals(0, s.code(), s.err());
            assertEquals(sampler.equals("ddpm") ? 40 : 5, s.json().get("steps").asInt());
            assertTrue(s.json().get("seconds_per_image").asDouble() > 0);
            assertTrue(Files.size(png) > 1000);
        }
        CliRun e = CliRun.of("diffusion", "eval", "--model", model.toString(), "--vae", vae.toString(), "--data", data, "--json");
        assertEquals(0, e.code(), e.err());
        double loss = e.json().get("loss").asDouble();
        assertTrue(loss > 0 && loss < 3, e.out());

        CliRun bad = CliRun.of("diffusion", "sample", "--model", model.toString(), "--vae", vae.toString(), "--sampler", "euler");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--sampler must be ddpm or ddim"), bad.err());
        CliRun missing = CliRun.of("diffusion", "train", "--vae", dir.resolve("none.safetensors").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("genai vae train"), missing.err());
    }
}
