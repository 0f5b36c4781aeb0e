package io.genai4j.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.models.train.TrainListener;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training lowers the ε-prediction loss and moves samples toward the data; the file round trip. */
class LatentDiffusionTest {
    @TempDir
    Path dir;

    /** Rows from N((2, −1), 0.3²): an easy latent distribution. */
    static Tensor data(int n, long seed) {
        Rng r = new Rng(seed);
        float[] x = new float[n * 2];
        for (int i = 0; i < n; i++) {
            x[2 * i] = (float) (2 + 0.3 * r.nextGaussian());
            x[2 * i + 1] = (float) (-1 + 0.3 * r.nextGaussian());
        }
        return Tensor.of(x, n, 2);
    }

    @Test
    void trainingLearnsAnEasyDistribution() throws Exception {
        LatentDiffusion m = new LatentDiffusion(new LatentDenoiser.Config(2, 32, 2, 100), "cosine", 1f, new Rng(1));
        DiffusionTrainer.Data train = DiffusionTrainer.Data.of(data(512, 2)), val = DiffusionTrainer.Data.of(data(256, 3));
        double before = DiffusionTrainer.validationLoss(m, val, 7);
        DiffusionTrainer.Result r = DiffusionTrainer.train(m, train, val, new DiffusionTrainer.Settings(64, 3e-3, 200, 0, 200, 1), TrainListener.NONE);
        assertTrue(r.lastValLoss() < 0.6 * before, "val loss " + before + " → " + r.lastValLoss());
        float[] s = m.sample(500, "ddim", 25, new Rng(4)).toArray();
        double mx = 0, my = 0;
        for (int i = 0; i < 500; i++) {
            mx += s[2 * i] / 500.0;
            my += s[2 * i + 1] / 500.0;
        }
        assertEquals(2, mx, 0.3, "sample mean x");
        assertEquals(-1, my, 0.3, "sample mean y");

        Path f = dir.resolve("ld.safetensors");
        m.save(f, Map.of("steps", r.steps()));
        LatentDiffusion back = LatentDiffusion.load(f);
        assertEquals(m.configMap(), back.configMap());
        assertArrayEquals(m.sample(3, "ddim", 5, new Rng(8)).toArray(), back.sample(3, "ddim", 5, new Rng(8)).toArray());
    }
}
