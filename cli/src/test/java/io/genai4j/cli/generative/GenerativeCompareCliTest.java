package io.genai4j.cli.generative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.cli.CliRun;
import io.genai4j.cli.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiny VAE, latent diffusion and GAN measured on one scale by genai generative compare and genai gan eval. */
class GenerativeCompareCliTest {
    @TempDir
    Path dir;

    @Test
    void oneTableForTheThreeModels() throws Exception {
        String data = TestData.mnistDir();
        Path vae = dir.resolve("vae.safetensors"), ld = dir.resolve("ld.safetensors"), gan = dir.resolve("gan.safetensors");
        run("vae", "train", "--data", data, "--latent", "3", "--width", "4", "--train-size", "32", "--batch-size", "16", "--max-steps", "2", "--eval-every", "2", "--out", vae.toString());
        run("diffusion", "train", "--vae", vae.toString(), "--data", data, "--timesteps", "20", "--hidden", "16", "--depth", "1", "--max-steps", "2", "--eval-every", "2", "--out", ld.toString());
        run("gan", "train", "--data", data, "--latent", "4", "--width", "4", "--train-size", "32", "--batch-size", "16", "--max-steps", "2", "--snapshot-every", "2",
                "--out", gan.toString(), "--strip", dir.resolve("strip.png").toString());

        CliRun c = run("generative", "compare", "--data", data, "--vae", vae.toString(), "--gan", gan.toString(), "--diffusion", ld.toString(),
                "--steps", "3", "--n", "30", "--out-dir", dir.toString(), "--json");
        JsonNode j = c.json();
        assertEquals(1500, j.get("references").asInt());
        JsonNode rows = j.get("rows");
        assertEquals(4, rows.size(), "real digits, VAE, GAN, latent diffusion");
        assertEquals("real (training digits)", rows.get(0).get("model").asText());
        double realFid = rows.get(0).get("fid_mnist").asDouble();
        for (int i = 1; i < 4; i++) {
            JsonNode r = rows.get(i);
            int sum = 0;
            for (JsonNode h : r.get("label_histogram")) sum += h.asInt();
            assertEquals(30, sum, r.toString());
            assertTrue(r.get("fid_mnist").asDouble() > realFid, "an untrained model is further from the test digits than real digits: " + r);
            assertTrue(r.get("parameters").asLong() > 0 && r.get("train_cpu_seconds").asDouble() >= 0, r.toString());
            assertTrue(Files.size(Path.of(r.get("grid").asText())) > 1000);
        }
        assertTrue(rows.get(3).get("model").asText().startsWith("latent diffusion DDIM 3"), rows.get(3).toString());

        CliRun e = run("gan", "eval", "--model", gan.toString(), "--data", data, "--n", "30", "--json");
        assertEquals(rows.get(2).get("fid_mnist").asDouble(), e.json().get("fid_mnist").asDouble(), 1e-6, "the same seed, the same row");
    }

    @Test
    void userErrorsAreOneLine() throws Exception {
        CliRun unknown = CliRun.of("generative", "compare", "--models", "vae,flow");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("flow"), unknown.err());
        CliRun missing = CliRun.of("generative", "compare", "--models", "gan", "--gan", dir.resolve("none.safetensors").toString(),
                "--data", TestData.mnistDir());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("genai gan train"), missing.err());
    }

    private static CliRun run(String... args) throws Exception {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.code(), String.join(" ", args) + "\n" + r.err());
        return r;
    }
}
