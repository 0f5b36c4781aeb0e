package io.genai4j.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.models.generative.ModelFile;
import io.genai4j.models.train.TrainListener;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pixel U-Net's shapes, that a short run lowers its loss, seeded sampling and the file round trip. */
class PixelDiffusionTest {
    @TempDir
    Path dir;

    static PixelDiffusion tiny(int classes, long seed) {
        return new PixelDiffusion(new PixelUNet.Config(4, 8, 50, classes), "cosine", classes > 0 ? 0.1 : 0, new Rng(seed));
    }

    /** n 8×8 images in [−1, 1]: class 0 a bright left half, class 1 a bright top half, with a little noise. */
    static DiffusionTrainer.Data halves(int n, long seed) {
        Rng r = new Rng(seed);
        float[] x = new float[n * 64];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            for (int p = 0; p < 64; p++) {
                boolean on = labels[i] == 0 ? p % 8 < 4 : p / 8 < 4;
                x[i * 64 + p] = (on ? 0.8f : -0.8f) + 0.1f * (float) r.nextGaussian();
            }
        }
        return new DiffusionTrainer.Data(Tensor.of(x, n, 1, 8, 8), labels);
    }

    @Test
    void theUNetKeepsTheImageShapeAndChecksItsConditioning() {
        PixelDiffusion m = tiny(3, 1);
        Tensor x = Tensor.randn(new Rng(2), 5, 1, 8, 8);
        assertArrayEquals(new int[] {5, 1, 8, 8}, m.predictNoise(x, new int[] {1, 10, 20, 49, 50}, new int[] {0, 1, 2, 3, 0}).shape());
        assertThrows(IllegalArgumentException.class, () -> m.predictNoise(x, new int[] {1, 2, 3, 4, 5}, null));
        PixelDiffusion u = tiny(0, 1);
        assertArrayEquals(new int[] {5, 1, 8, 8}, u.predictNoise(x, new int[] {1, 2, 3, 4, 5}, null).shape());
        assertThrows(IllegalArgumentException.class, () -> u.sample(2, new int[] {0, 1}, 0, "ddim", 5, new Rng(1)));
        assertThrows(IllegalArgumentException.class, () -> m.sample(1, new int[] {4}, 0, "ddim", 5, new Rng(1)), "label past the classes");
        assertArrayEquals(new int[] {PixelDiffusion.SAMPLE_BATCH + 1, 1, 8, 8}, m.sample(PixelDiffusion.SAMPLE_BATCH + 1, null, 0, "ddim", 2, new Rng(1)).shape(),
                "more samples than one batch: unconditional (the null class), in two batches");
    }

    @Test
    void trainingLowersTheLossAndSeededSamplingRepeats() throws Exception {
        PixelDiffusion m = tiny(2, 3);
        DiffusionTrainer.Data train = halves(64, 4), val = halves(32, 5);
        double before = DiffusionTrainer.validationLoss(m, val, 7);
        DiffusionTrainer.Result r = DiffusionTrainer.train(m, train, val, new DiffusionTrainer.Settings(16, 1e-2, 60, 0, 60, 1), TrainListener.NONE);
        assertTrue(r.lastValLoss() < 0.7 * before, "val ε-loss " + before + " → " + r.lastValLoss());

        float[] a = m.sample(4, new int[] {0, 1, 0, 1}, 2, "ddim", 10, new Rng(8)).toArray();
        assertArrayEquals(a, m.sample(4, new int[] {0, 1, 0, 1}, 2, "ddim", 10, new Rng(8)).toArray(), "same seed, same samples");
        for (float p : a) assertTrue(p >= 0 && p <= 1, "pixels in [0, 1], got " + p);

        Path f = dir.resolve("pixel.safetensors");
        m.save(f, Map.of("steps", r.steps()));
        PixelDiffusion back = PixelDiffusion.load(f);
        assertEquals(m.configMap(), back.configMap());
        assertArrayEquals(a, back.sample(4, new int[] {0, 1, 0, 1}, 2, "ddim", 10, new Rng(8)).toArray());
    }

    /** A file written before the attention block existed has no "attention" field and no middle_attn weights: it loads as it was, without the block. */
    @Test
    void aFileFromBeforeTheAttentionBlockLoadsWithoutIt() throws Exception {
        PixelDiffusion old = new PixelDiffusion(new PixelUNet.Config(4, 8, 50, 2, false), "cosine", 0.1, new Rng(9));
        Map<String, Object> config = new java.util.LinkedHashMap<>(old.configMap());
        config.remove("attention");
        Path f = dir.resolve("old.safetensors");
        ModelFile.save(f, PixelDiffusion.FORMAT, old, config, Map.of());
        PixelDiffusion back = PixelDiffusion.load(f);
        assertFalse(back.unet.config.attention());
        assertEquals(old.numParameters(), back.numParameters());
        assertArrayEquals(old.sample(2, new int[] {0, 1}, 1, "ddim", 5, new Rng(3)).toArray(), back.sample(2, new int[] {0, 1}, 1, "ddim", 5, new Rng(3)).toArray());
        assertTrue(tiny(2, 9).unet.config.attention(), "new models have it");
        assertEquals(Boolean.TRUE, tiny(2, 9).configMap().get("attention"));
    }
}
