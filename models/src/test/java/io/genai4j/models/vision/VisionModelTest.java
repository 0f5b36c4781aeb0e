package io.genai4j.models.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.ops.F;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisionModelTest {

    @Test
    void leNetHasLeNet5sParameterCountAndShapes() {
        VisionModel m = VisionModel.create(VisionConfig.cnn(), new Rng(1));
        // conv1 6·(25+1) + conv2 16·(150+1) + fc 400·120+120 + 120·84+84 + 84·10+10
        assertEquals(156 + 2416 + 48120 + 10164 + 850, m.numParameters());
        assertArrayEquals(new int[] {3, 10}, m.forward(Tensor.randn(new Rng(2), 3, 1, 28, 28)).shape());
    }

    @Test
    void vitEmbedsSixteenPatchesPlusTheClassTokenAndKeepsEachLayersAttention() {
        Vit vit = (Vit) VisionModel.create(VisionConfig.vit(), new Rng(1));
        Vit.Output o = vit.forward(Tensor.randn(new Rng(2), 2, 1, 28, 28), true);
        assertArrayEquals(new int[] {2, 10}, o.logits().shape());
        assertEquals(4, o.attention().size());
        assertArrayEquals(new int[] {2, 4, 17, 17}, o.attention().get(0).shape());
        assertArrayEquals(new int[] {1, 17, 64}, vit.positions.shape());
    }

    @Test
    void vitClassTokenAndPositionsReceiveGradients() {
        Vit vit = (Vit) VisionModel.create(new VisionConfig("vit", 8, 3, 4, 8, 1, 2, 16), new Rng(3));
        F.crossEntropy(vit.forward(Tensor.randn(new Rng(4), 2, 1, 8, 8)), new int[] {0, 2}).backward();
        assertTrue(vit.classToken.grad() != null && vit.positions.grad() != null && vit.patchEmbed.weight.grad() != null);
    }

    @Test
    void aTinyVitFitsAFixedBatch() {
        // four 8×8 images, one bright quadrant each, four classes: a working ViT learns this in a few dozen steps
        float[] px = new float[4 * 64];
        for (int k = 0; k < 4; k++) for (int y = 0; y < 4; y++) for (int x = 0; x < 4; x++) px[k * 64 + (y + 4 * (k / 2)) * 8 + x + 4 * (k % 2)] = 1f;
        Images im = new Images(px, new int[] {0, 1, 2, 3}, 8, 8);
        Vit vit = (Vit) VisionModel.create(new VisionConfig("vit", 8, 4, 4, 16, 1, 2, 32), new Rng(5));
        VisionTrainer.Settings s = new VisionTrainer.Settings(4, 1e-2, 0, 60, 0, 60, Augmentation.NONE, 6);
        VisionTrainer.train(vit, im, im, s, io.genai4j.models.train.TrainListener.NONE);
        assertEquals(1.0, VisionEvaluation.accuracy(vit, im));
    }

    @Test
    void anEditedConfigIsOneErrorNamingTheFileAndField(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.safetensors");
        io.genai4j.engine.io.Checkpoints.save(f, Map.of("w", Tensor.zeros(1)), Map.of("format", "genai4j-vision", "config", "{\"kind\": "));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> VisionCheckpoint.load(f));
        assertTrue(e.getMessage().contains("bad.safetensors") && e.getMessage().contains("metadata field 'config' is not valid JSON"), e.getMessage());
        io.genai4j.engine.io.Checkpoints.save(f, Map.of("w", Tensor.zeros(1)), Map.of("format", "genai4j-vision", "config", "{\"kind\": \"resnet\"}"));
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> VisionCheckpoint.load(f));
        assertTrue(e.getMessage().contains("resnet"), e.getMessage());
    }

    @Test
    void checkpointRoundTripsWeightsAndConfig(@TempDir Path dir) throws Exception {
        VisionModel m = VisionModel.create(new VisionConfig("vit", 8, 3, 4, 8, 1, 2, 16), new Rng(7));
        Path f = dir.resolve("v.safetensors");
        VisionCheckpoint.save(f, m, Map.of("steps", 3));
        VisionCheckpoint back = VisionCheckpoint.load(f);
        assertEquals(m.config, back.model().config);
        assertEquals(3, ((Number) back.train().get("steps")).intValue());
        Tensor x = Tensor.randn(new Rng(8), 2, 1, 8, 8);
        try (Grad g = Grad.off()) {
            assertArrayEquals(m.forward(x).toArray(), back.model().forward(x).toArray(), 0f);
        }
    }
}
