package io.genai4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.cli.CliRun;
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
        TorchRequired.check();
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
}
