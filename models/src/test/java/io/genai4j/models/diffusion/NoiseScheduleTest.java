package io.genai4j.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import org.junit.jupiter.api.Test;

/** The closed form q(x_t|x_0) against the forward process iterated step by step, and the two schedules' shapes. */
class NoiseScheduleTest {

    @Test
    void closedFormMatchesTheIteratedMomentsExactly() {
        for (NoiseSchedule s : new NoiseSchedule[] {NoiseSchedule.linear(1000), NoiseSchedule.cosine(1000), NoiseSchedule.cosine(50)}) {
            double mean = 1, var = 0;                              // x_t = √α_t·x_{t−1} + √β_t·ε_t, from x_0 (mean coefficient 1, variance 0)
            for (int t = 1; t <= s.steps(); t++) {
                double b = s.betas()[t - 1];
                mean *= Math.sqrt(1 - b);
                var = (1 - b) * var + b;
                assertEquals(Math.sqrt(s.alphaBars()[t - 1]), mean, 1e-9, s.kind() + " mean at t=" + t);
                assertEquals(1 - s.alphaBars()[t - 1], var, 1e-9, s.kind() + " variance at t=" + t);
            }
        }
    }

    @Test
    void oneJumpAndManyStepsGiveTheSameDistribution() {
        NoiseSchedule s = NoiseSchedule.linear(100);
        int n = 20_000, t = 40;
        float x0 = 1.5f;
        Rng rng = new Rng(3);
        float[] walked = new float[n];
        for (int i = 0; i < n; i++) {
            double x = x0;
            for (int k = 1; k <= t; k++) x = Math.sqrt(1 - s.betas()[k - 1]) * x + Math.sqrt(s.betas()[k - 1]) * rng.nextGaussian();
            walked[i] = (float) x;
        }
        int[] ts = new int[n];
        java.util.Arrays.fill(ts, t);
        float[] jumped = s.noised(Tensor.full(x0, n, 1), ts, Tensor.randn(new Rng(4), n, 1)).toArray();
        double ab = s.alphaBars()[t - 1];
        for (float[] xs : new float[][] {walked, jumped}) {
            double m = 0, v = 0;
            for (float x : xs) m += x;
            m /= n;
            for (float x : xs) v += (x - m) * (x - m);
            v /= n - 1;
            assertEquals(Math.sqrt(ab) * x0, m, 0.02, "mean");                 // standard error ≈ 0.005
            assertEquals(1 - ab, v, 0.03 * (1 - ab) + 0.003, "variance");
        }
    }

    @Test
    void scheduleShapes() {
        NoiseSchedule lin = NoiseSchedule.linear(1000);
        assertEquals(1e-4, lin.betas()[0], 1e-12);
        assertEquals(0.02, lin.betas()[999], 1e-12);
        assertTrue(lin.alphaBars()[999] < 1e-4, "x_T is almost pure noise");
        NoiseSchedule cos = NoiseSchedule.cosine(1000);
        for (int t = 1; t < 1000; t++) assertTrue(cos.alphaBars()[t] < cos.alphaBars()[t - 1]);
        for (double b : cos.betas()) assertTrue(b > 0 && b <= 0.999);
        assertTrue(cos.alphaBars()[499] > lin.alphaBars()[499], "the cosine schedule destroys information more slowly in the middle");
        assertThrows(IllegalArgumentException.class, () -> NoiseSchedule.of("square", 10));
    }
}
