package io.genai4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.cli.CliRun;
import io.genai4j.cli.vision.SyntheticMnist;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code genai bench vision}: the CNN and the ViT take the same step in PyTorch as in genai4j (same
 * logits, loss, gradients and AdamW update from the same weights), and the timing reports images/s.
 * The PyTorch test needs Debian's python3-torch under /usr/bin/python3: it skips without it, and
 * under CI runs bench/scripts/install-torch.sh first. The images are synthetic MNIST files (2,100,
 * so the split leaves 100 training images).
 */
class BenchVisionTest {
    @TempDir static Path dir;

    @BeforeAll
    static void data() throws IOException {
        SyntheticMnist.write(dir, 2100);
    }

    @Test
    void oneStepOfBothModelsAgreesWithPyTorch() throws Exception {
        TorchRequired.check();
        CliRun r = CliRun.of("bench", "vision", "--peer", "torch", "--check-only", "--batch", "8", "--threads", "1", "--data", dir.toString(), "--json");
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode j = r.json();
        for (String kind : new String[] {"cnn", "vit"}) {
            JsonNode m = j.get(kind);
            assertTrue(m.get("check_ok").asBoolean(), j.toString());
            assertTrue(m.get("check_logits_rel").asDouble() <= 1e-4, j.toString());
            assertTrue(m.get("check_loss_rel").asDouble() <= 1e-5, j.toString());
            assertTrue(m.get("check_grad_rel").asDouble() <= 1e-3, j.toString());
            assertTrue(m.get("check_step_lr").asDouble() <= 1e-2, j.toString());
            assertFalse(m.has("train_images_per_s"), "--check-only times nothing: " + j);
        }
    }

    @Test
    void timingAloneReportsImagesPerSecond() throws Exception {
        CliRun r = CliRun.of("bench", "vision", "--model", "vit", "--steps", "1", "--rounds", "1", "--warmup", "0", "--batch", "4", "--infer-batch", "4",
                "--threads", "1", "--data", dir.toString(), "--json");
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode j = r.json();
        assertTrue(j.get("vit").get("train_images_per_s").asDouble() > 0, j.toString());
        assertTrue(j.get("vit").get("infer_images_per_s").asDouble() > 0, j.toString());
        assertFalse(j.has("cnn"), j.toString());
        assertFalse(j.has("peer"), j.toString());
    }

    @Test
    void unknownModelOrPeerIsAUserError() {
        CliRun model = CliRun.of("bench", "vision", "--model", "resnet", "--data", dir.toString());
        assertEquals(2, model.code());
        assertTrue(model.err().contains("model must be cnn or vit, got resnet"), model.err());
        CliRun peer = CliRun.of("bench", "vision", "--peer", "jax", "--data", dir.toString());
        assertEquals(2, peer.code());
        assertTrue(peer.err().contains("unknown peer 'jax': expected torch"), peer.err());
    }

    @Test
    void aBatchLargerThanTheTrainingPoolIsAUserError() {
        CliRun r = CliRun.of("bench", "vision", "--batch", "101", "--data", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("at most the 100 training images"), r.err());
    }
}
