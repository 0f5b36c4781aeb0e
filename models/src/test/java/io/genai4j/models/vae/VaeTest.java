package io.genai4j.models.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.models.generative.ConvConfig;
import io.genai4j.models.generative.NoiseImages;
import io.genai4j.models.train.TrainListener;
import io.genai4j.models.vision.Images;
import io.genai4j.models.vision.Mnist;
import io.genai4j.text.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shapes, seeded determinism, the file round trip, and that a short run on real digits lowers the test −ELBO. */
class VaeTest {
    @TempDir
    Path dir;

    @Test
    void shapesOfEveryPart() {
        ConvVae vae = new ConvVae(ConvConfig.mnist(3, 4), new Rng(1));
        Images x = NoiseImages.of(5, 2);
        ConvVae.Pass p = vae.forward(x.batch(VaeEvaluation.all(5)), new Rng(3));
        assertArrayEquals(new int[] {5, 3}, p.posterior().mu().shape());
        assertArrayEquals(new int[] {5, 3}, p.z().shape());
        assertArrayEquals(new int[] {5, 1, 28, 28}, p.logits().shape());
        assertEquals(4, VaeImages.prior(vae, 4, new Rng(5)).length);
        assertEquals(7, VaeImages.interpolate(vae, x, 0, 1, 7).length);
        assertEquals(28 * 28, VaeImages.reconstruct(vae, x)[4].length);
    }

    @Test
    void seededTrainingAndSamplingAreDeterministic() {
        Images train = NoiseImages.of(40, 7), val = NoiseImages.of(10, 8);
        VaeTrainer.Settings s = new VaeTrainer.Settings(8, 1e-3, 6, 0, 3, 1f, 11);
        float[][] a = trainedSamples(train, val, s), b = trainedSamples(train, val, s);
        for (int i = 0; i < a.length; i++) assertArrayEquals(a[i], b[i], "sample " + i);
        float[][] other = trainedSamples(train, val, new VaeTrainer.Settings(8, 1e-3, 6, 0, 3, 1f, 12));
        assertNotEquals(a[0][300], other[0][300], "another seed, another run");
    }

    private static float[][] trainedSamples(Images train, Images val, VaeTrainer.Settings s) {
        ConvVae vae = new ConvVae(ConvConfig.mnist(2, 4), new Rng(s.seed()));
        VaeTrainer.train(vae, train, val, s, TrainListener.NONE);
        return VaeImages.prior(vae, 3, new Rng(99));
    }

    @Test
    void fileRoundTripAndBadFiles() throws Exception {
        ConvVae vae = new ConvVae(ConvConfig.mnist(2, 4), new Rng(1));
        Path f = dir.resolve("v.safetensors");
        VaeFile.save(f, vae, java.util.Map.of("steps", 3));
        ConvVae back = VaeFile.load(f);
        assertEquals(vae.config, back.config);
        Tensor z = Tensor.of(new float[] {0.3f, -1f}, 1, 2);
        assertArrayEquals(vae.decodeProbabilities(z).toArray(), back.decodeProbabilities(z).toArray());
        var missing = assertThrows(java.nio.file.NoSuchFileException.class, () -> VaeFile.load(dir.resolve("none.safetensors")));
        assertTrue(missing.getMessage().contains("genai vae train"), missing.getMessage());
        Path other = dir.resolve("other.safetensors");
        io.genai4j.models.generative.ModelFile.save(other, "genai4j-gan", vae, vae.config.toMap(), java.util.Map.of());
        var wrong = assertThrows(IllegalArgumentException.class, () -> VaeFile.load(other));
        assertTrue(wrong.getMessage().contains("'format' is genai4j-gan"), wrong.getMessage());
        assertTrue(Files.size(f) > 1000);
    }

    @Test
    void aShortRunOnDigitsLowersTheTestNegativeElbo() throws Exception {
        Mnist.Split split = Mnist.split(Mnist.load(SharedData.require("images/mnist/" + Mnist.IMAGES).getParent()));
        Images test = split.test().range(0, 200);
        ConvVae vae = new ConvVae(ConvConfig.mnist(8, 8), new Rng(1));
        double before = VaeEvaluation.score(vae, test, 5).negativeElbo();
        VaeTrainer.train(vae, split.train(), split.val().range(0, 100), new VaeTrainer.Settings(16, 3e-3, 50, 0, 50, 1f, 1), TrainListener.NONE);
        VaeEvaluation.Score after = VaeEvaluation.score(vae, test, 5);
        // an untrained decoder sits near 784·ln 2 ≈ 543 nats; 50 steps already learn the blank border and the rough strokes
        assertTrue(before > 500, "untrained " + before);
        assertTrue(after.negativeElbo() < 0.75 * before, "after 50 steps: " + after + ", before " + before);
        assertTrue(after.kl() > 0, "the posterior moved away from the prior: " + after);
    }
}
