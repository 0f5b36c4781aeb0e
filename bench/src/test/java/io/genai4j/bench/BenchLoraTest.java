package io.genai4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.cli.CliRun;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code genai bench lora}: the LoRA step of the style lesson agrees with PyTorch's on the same
 * weights and windows, and the timing reports tokens/s. The PyTorch test needs Debian's
 * python3-torch under /usr/bin/python3: it skips without it, and under CI runs
 * bench/scripts/install-torch.sh first.
 */
class BenchLoraTest {
    @Test
    void oneStepAgreesWithPyTorchOnLossGradientsAndUpdate() throws Exception {
        requireTorch();
        CliRun r = CliRun.of("bench", "lora", "--peer", "torch", "--check-only", "--batch", "2", "--window", "32", "--threads", "1", "--json");
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode j = r.json();
        assertTrue(j.get("check_ok").asBoolean(), j.toString());
        assertTrue(j.get("check_loss_rel").asDouble() <= 1e-5, j.toString());
        assertTrue(j.get("check_grad_rel").asDouble() <= 1e-3, j.toString());
        assertFalse(j.has("tokens_per_s"), "--check-only times nothing: " + j);
    }

    @Test
    void timingAloneReportsTokensPerSecond() throws Exception {
        CliRun r = CliRun.of("bench", "lora", "--steps", "1", "--rounds", "1", "--batch", "1", "--window", "16", "--threads", "1", "--json");
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode j = r.json();
        assertTrue(j.get("tokens_per_s").asDouble() > 0, j.toString());
        assertEquals(16, j.get("window").asInt());
        assertFalse(j.has("peer"), j.toString());
    }

    @Test
    void unknownPeerIsAUserError() {
        CliRun r = CliRun.of("bench", "lora", "--peer", "jax");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown peer 'jax': expected torch"), r.err());
    }

    @Test
    void stepDifferenceIgnoresEntriesWhoseGradientIsNearZero() {
        float[] ours = {1f, 2f, 3f}, theirs = {1f, 2.5f, 3.001f}, grads = {1f, 1e-6f, 0.5f};
        assertEquals(0.001, BenchLora.stepDifference(ours, theirs, grads), 1e-6);
        assertEquals(0.5, BenchLora.maxAbs(ours, theirs), 1e-6);
        assertEquals(0.5 / 3.001, BenchLora.maxRelative(ours, theirs), 1e-6);
    }

    /** Skips without PyTorch; under CI installs it with the project's script first, and fails if that does not help. */
    private static void requireTorch() throws Exception {
        boolean ok = succeeds(BenchLora.PYTHON, "-c", "import torch");
        if (!ok && System.getenv("CI") != null) {
            Path script = Path.of("").toAbsolutePath().getParent().resolve("bench/scripts/install-torch.sh");
            ok = succeeds("bash", script.toString()) && succeeds(BenchLora.PYTHON, "-c", "import torch");
            if (!ok) fail("PyTorch missing under CI and " + script + " did not install it");
        }
        assumeTrue(ok, "PyTorch is not installed (bench/scripts/install-torch.sh)");
    }

    private static boolean succeeds(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(20, TimeUnit.MINUTES) && p.exitValue() == 0;
    }
}
