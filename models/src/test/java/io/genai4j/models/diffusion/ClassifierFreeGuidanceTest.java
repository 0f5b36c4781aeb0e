package io.genai4j.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import org.junit.jupiter.api.Test;

/** ε̃ = (1 + w)·ε(x, c) − w·ε(x, ∅) row by row, and the label dropout's rate. */
class ClassifierFreeGuidanceTest {
    static final int NULL = 9;

    /** A stand-in with a known answer: ε(x, t, c) = x·(c + 1) + t. */
    static final Denoising KNOWN = new Denoising() {
        @Override
        public NoiseSchedule schedule() {
            return NoiseSchedule.linear(10);
        }

        @Override
        public Tensor predictNoise(Tensor xt, int[] t, int[] classes) {
            int b = xt.size(0), per = xt.numel() / b;
            float[] x = xt.toArray(), e = new float[x.length];
            for (int i = 0; i < b; i++) for (int j = 0; j < per; j++) e[i * per + j] = x[i * per + j] * (classes[i] + 1) + t[i];
            return Tensor.of(e, xt.shape());
        }
    };

    @Test
    void guidedNoiseExtrapolatesFromTheUnconditionalPrediction() {
        Tensor x = Tensor.randn(new Rng(1), 3, 1, 2, 2);
        int[] t = {4, 7, 1}, classes = {0, 3, 5};
        float[] xs = x.toArray();
        for (double w : new double[] {0, 1, 3}) {
            float[] got = ClassifierFreeGuidance.guided(KNOWN, classes, NULL, w).predict(x, t).toArray();
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 4; j++) {
                    double cond = xs[i * 4 + j] * (classes[i] + 1) + t[i], uncond = xs[i * 4 + j] * (NULL + 1) + t[i];
                    assertEquals((1 + w) * cond - w * uncond, got[i * 4 + j], 1e-4, "w " + w + " row " + i);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> ClassifierFreeGuidance.guided(KNOWN, classes, NULL, -1));
    }

    @Test
    void labelsAreDroppedAtTheRequestedRate() {
        int[] labels = new int[20_000];
        for (int i = 0; i < labels.length; i++) labels[i] = i % 9;
        int[] c = ClassifierFreeGuidance.dropLabels(labels, 0.1, NULL, new Rng(2));
        int dropped = 0;
        for (int i = 0; i < c.length; i++) {
            if (c[i] == NULL) dropped++;
            else assertEquals(labels[i], c[i], "a kept label is unchanged");
        }
        assertEquals(0.1, dropped / (double) c.length, 0.01);
        assertArrayEquals(labels, ClassifierFreeGuidance.dropLabels(labels, 0, NULL, new Rng(3)));
    }
}
