package io.genai4j.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The samplers with the exact noise predictor of Gaussian data: for x_0 ~ N(μ, σ²),
 * E[ε | x_t] = √(1 − ᾱ)·(x_t − √ᾱ·μ)/(ᾱσ² + 1 − ᾱ), so the reverse process must give back N(μ, σ²).
 */
class SamplersTest {
    static final double MU = 2.0, SIGMA = 0.5;

    static EpsilonModel oracle(NoiseSchedule s) {
        return (xt, t) -> {
            float[] x = xt.toArray(), e = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                double ab = s.alphaBars()[t[i] - 1];
                e[i] = (float) (Math.sqrt(1 - ab) * (x[i] - Math.sqrt(ab) * MU) / (ab * SIGMA * SIGMA + 1 - ab));
            }
            return Tensor.of(e, xt.shape());
        };
    }

    @Test
    void ddpmAndDdimRecoverTheDataDistribution() {
        for (NoiseSchedule s : new NoiseSchedule[] {NoiseSchedule.linear(200), NoiseSchedule.cosine(200)}) {
            check(Samplers.ddpm(s, oracle(s), Double.POSITIVE_INFINITY, new Rng(1), 4000, 1), s.kind() + " DDPM");
            check(Samplers.ddim(s, oracle(s), 200, Double.POSITIVE_INFINITY, new Rng(2), 4000, 1), s.kind() + " DDIM, all 200 steps");
            // with few steps the deterministic sampler's discretisation shrinks the spread (0.47 with 50 steps, 0.43 with 20)
            check(Samplers.ddim(s, oracle(s), 50, Double.POSITIVE_INFINITY, new Rng(3), 4000, 1), s.kind() + " DDIM, 50 steps");
        }
    }

    private static void check(Tensor samples, String what) {
        float[] x = samples.toArray();
        double m = 0, v = 0;
        for (float f : x) m += f;
        m /= x.length;
        for (float f : x) v += (f - m) * (f - m);
        double sd = Math.sqrt(v / (x.length - 1));
        assertEquals(MU, m, 0.05, what + " mean");
        assertEquals(SIGMA, sd, 0.04, what + " standard deviation");
    }

    @Test
    void seededSamplingIsDeterministic() {
        NoiseSchedule s = NoiseSchedule.cosine(50);
        LatentDiffusion m = new LatentDiffusion(new LatentDenoiser.Config(3, 16, 2, 50), "cosine", 1f, new Rng(5));
        for (String sampler : new String[] {"ddpm", "ddim"}) {
            float[] a = m.sample(4, sampler, 10, new Rng(9)).toArray(), b = m.sample(4, sampler, 10, new Rng(9)).toArray();
            assertArrayEquals(a, b, sampler);
        }
        assertThrows(IllegalArgumentException.class, () -> Samplers.sample("euler", s, oracle(s), 10, 4, new Rng(1), 2, 1));
        assertThrows(IllegalArgumentException.class, () -> Samplers.ddim(s, oracle(s), 51, 4, new Rng(1), 2, 1));
    }

    @Test
    void clippingBoundsThePredictedCleanSample() {
        float[] x0 = Samplers.predictX0(Tensor.of(new float[] {1f, -1f}, 2, 1), Tensor.of(new float[] {-1f, 1f}, 2, 1), 1e-6, 4).toArray();
        assertArrayEquals(new float[] {4f, -4f}, x0);
    }

    @Test
    void ddimStepsSpreadOverTheWholeChain() {
        assertArrayEquals(new int[] {1, 51, 100}, Samplers.subsequence(100, 3));
        assertArrayEquals(new int[] {100}, Samplers.subsequence(100, 1));
    }
}
