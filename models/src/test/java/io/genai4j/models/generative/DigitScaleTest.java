package io.genai4j.models.generative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Rng;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.models.vision.Images;
import io.genai4j.models.vision.VisionConfig;
import io.genai4j.models.vision.VisionModel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The scale's figures on an untrained LeNet: the reference set scores 0, labels agree with the classifier, entropy by hand. */
class DigitScaleTest {
    static Images blobs(int n, long seed) {
        Rng r = new Rng(seed);
        float[] px = new float[n * 28 * 28];
        for (int i = 0; i < n; i++) {
            int cx = 6 + r.nextInt(16), cy = 6 + r.nextInt(16), rad = 2 + r.nextInt(5);
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) px[i * 784 + y * 28 + x] = (x - cx) * (x - cx) + (y - cy) * (y - cy) <= rad * rad ? 1 : 0.1f * r.nextFloat();
            }
        }
        return new Images(px, new int[n], 28, 28);
    }

    static float[][] rows(Images images) {
        float[][] out = new float[images.size()][];
        for (int i = 0; i < out.length; i++) out[i] = images.image(i);
        return out;
    }

    @Test
    void theReferenceScoresZeroAndOtherImagesMore() {
        VisionModel lenet = VisionModel.create(VisionConfig.cnn(), new Rng(1));
        Images ref = blobs(300, 2);
        DigitScale scale = new DigitScale(lenet, ref);
        assertEquals(300, scale.references());
        DigitScale.Score self = scale.score(rows(ref));
        assertEquals(0, self.frechet(), 1e-6, "identical sets");
        assertEquals(300, Arrays.stream(self.histogram()).sum());
        assertTrue(self.confidence() >= 0.1 && self.confidence() <= 1, "a top probability of 10 classes: " + self.confidence());
        float[][] empty = new float[200][784];
        Rng r = new Rng(3);
        for (float[] e : empty) for (int p = 0; p < 784; p++) e[p] = 0.1f * r.nextFloat();
        assertTrue(scale.score(empty).frechet() > 10 * Math.max(1e-6, self.frechet()), "blank noise is far from the blobs");
    }

    @Test
    void labelsAreTheClassifiersArgmax() {
        VisionModel lenet = VisionModel.create(VisionConfig.cnn(), new Rng(4));
        Images x = blobs(20, 5);
        int[] expected = new int[20];
        try (Grad g = Grad.off()) {
            float[] logits = lenet.forward(x.batch(java.util.stream.IntStream.range(0, 20).toArray())).toArray();
            for (int i = 0; i < 20; i++) {
                for (int k = 1; k < 10; k++) if (logits[i * 10 + k] > logits[i * 10 + expected[i]]) expected[i] = k;
            }
        }
        assertArrayEquals(expected, new DigitScale(lenet, x).labels(rows(x)));
    }

    @Test
    void histogramEntropyInBits() {
        assertEquals(Math.log(10) / Math.log(2), DigitScale.entropyBits(new int[] {5, 5, 5, 5, 5, 5, 5, 5, 5, 5}), 1e-12);
        assertEquals(0, DigitScale.entropyBits(new int[] {0, 0, 40, 0, 0, 0, 0, 0, 0, 0}), 1e-12, "mode collapse");
        assertEquals(1.5, DigitScale.entropyBits(new int[] {2, 1, 1, 0, 0, 0, 0, 0, 0, 0}), 1e-12);
    }

    @Test
    void onlyLeNetHasTheFeatures() {
        VisionModel vit = VisionModel.create(VisionConfig.vit(), new Rng(1));
        assertThrows(IllegalArgumentException.class, () -> new DigitScale(vit, blobs(3, 1)));
    }
}
