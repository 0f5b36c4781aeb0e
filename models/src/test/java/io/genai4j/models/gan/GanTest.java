package io.genai4j.models.gan;

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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shapes, the losses against hand values, seeded determinism, the file round trip, and a short run on real digits. */
class GanTest {
    @TempDir
    Path dir;

    @Test
    void shapesAndPixelRange() {
        Gan gan = new Gan(ConvConfig.mnist(5, 4), new Rng(1));
        Tensor fake = gan.generator.forward(Tensor.randn(new Rng(2), 3, 5));
        assertArrayEquals(new int[] {3, 1, 28, 28}, fake.shape());
        assertArrayEquals(new int[] {3, 1}, gan.discriminator.forward(fake).shape());
        for (float[] img : gan.sample(4, new Rng(3))) {
            assertEquals(28 * 28, img.length);
            for (float p : img) assertTrue(p >= 0 && p <= 1, "pixels in [0, 1]: " + p);
        }
    }

    @Test
    void lossesMatchHandValues() {
        double ln2 = Math.log(2);
        Tensor zero = Tensor.zeros(4, 1);
        assertEquals(2 * ln2, GanLosses.discriminator(zero, zero, 1f).item(), 1e-6, "D unsure of everything: 2·ln 2");
        assertEquals(ln2, GanLosses.generator(zero).item(), 1e-6);
        // real logit 2 with the smoothed target 0.9, fake logit −1: −0.9·ln σ(2) − 0.1·ln σ(−2) − ln σ(1)
        double expected = -0.9 * Math.log(sigmoid(2)) - 0.1 * Math.log(sigmoid(-2)) - Math.log(sigmoid(1));
        assertEquals(expected, GanLosses.discriminator(Tensor.full(2f, 1, 1), Tensor.full(-1f, 1, 1), 0.9f).item(), 1e-6);
        // the non-saturating loss −ln σ(l) for a confident rejection l = −5 stays steep (gradient ≈ −1), unlike ln(1 − σ(l))
        Tensor l = Tensor.full(-5f, 1, 1).requiresGrad(true);
        GanLosses.generator(l).backward();
        assertEquals(-(1 - sigmoid(-5)), l.grad().item(), 1e-6);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void seededSamplingIsDeterministicAndSeededTrainingReproducible() {
        Gan gan = new Gan(ConvConfig.mnist(4, 4), new Rng(1));
        float[][] a = gan.sample(3, new Rng(5)), b = gan.sample(3, new Rng(5));
        for (int i = 0; i < a.length; i++) assertArrayEquals(a[i], b[i], "sample " + i);
        assertNotEquals(a[0][300], gan.sample(3, new Rng(6))[0][300], "another seed, other noise");
        // training is reproduced to float rounding: the GEMM backend may split a product differently
        // from call to call (OpenBLAS's thread count follows the caller), and the game amplifies it a little
        Images train = NoiseImages.of(40, 7);
        float[][] x = trainedSamples(train, 11), y = trainedSamples(train, 11), other = trainedSamples(train, 12);
        assertTrue(meanAbsDiff(x, y) < 1e-3, "same seed: " + meanAbsDiff(x, y));
        assertTrue(meanAbsDiff(x, other) > 1e-2, "another seed, another run: " + meanAbsDiff(x, other));
    }

    static double meanAbsDiff(float[][] a, float[][] b) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++, n++) s += Math.abs(a[i][j] - b[i][j]);
        }
        return s / n;
    }

    private static float[][] trainedSamples(Images train, long seed) {
        Gan gan = new Gan(ConvConfig.mnist(4, 4), new Rng(seed));
        GanTrainer.train(gan, train, new GanTrainer.Settings(8, 2e-4, 4, 0, 2, 3, 0.9f, seed), TrainListener.NONE, s -> {});
        return gan.sample(3, new Rng(99));
    }

    @Test
    void fileRoundTrip() throws Exception {
        Gan gan = new Gan(ConvConfig.mnist(4, 4), new Rng(5));
        GanTrainer.train(gan, NoiseImages.of(16, 1), new GanTrainer.Settings(8, 2e-4, 2, 0, 2, 2, 1f, 5), TrainListener.NONE, s -> {});
        Path f = dir.resolve("gan.safetensors");
        GanFile.save(f, gan, Map.of("steps", 2));
        Gan back = GanFile.load(f);
        assertEquals(gan.config, back.config);
        assertArrayEquals(gan.sample(2, new Rng(7))[1], back.sample(2, new Rng(7))[1], "the running BatchNorm statistics travel too");
        assertThrows(IllegalArgumentException.class, () -> io.genai4j.models.vae.VaeFile.load(f), "a GAN file is not a VAE file");
    }

    @Test
    void aShortRunOnDigitsTeachesTheDiscriminatorAndMovesTheGenerator() throws Exception {
        Images digits = Mnist.split(Mnist.load(SharedData.require("images/mnist/" + Mnist.IMAGES).getParent())).train().range(0, 512);
        Gan gan = new Gan(ConvConfig.mnist(16, 8), new Rng(3));
        List<GanSnapshot> snaps = new ArrayList<>();
        GanTrainer.Result r = GanTrainer.train(gan, digits, new GanTrainer.Settings(32, 2e-3, 40, 0, 20, 4, 0.9f, 3), TrainListener.NONE, snaps::add);
        assertEquals(40, r.steps());
        assertEquals(List.of(0, 20, 40), snaps.stream().map(GanSnapshot::step).toList(), "a snapshot before training and every 20 updates");
        assertTrue(Double.isNaN(snaps.get(0).discriminatorLoss()), "nothing to average before the first update");
        GanSnapshot first = snaps.get(1), last = snaps.get(2);
        assertTrue(first.discriminatorLoss() < 2 * Math.log(2), "the discriminator beats chance: " + first.discriminatorLoss());
        assertTrue(last.dReal() > last.dFake(), "D scores real digits above fakes: " + last.dReal() + " vs " + last.dFake());
        double moved = meanAbsDiff(snaps.get(0).images(), last.images());
        assertTrue(moved > 0.05, "the generator's images of the fixed noise changed: " + moved);
    }
}
