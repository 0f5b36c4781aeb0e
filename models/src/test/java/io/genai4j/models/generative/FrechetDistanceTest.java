package io.genai4j.models.generative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genai4j.engine.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The Fréchet distance against numpy/scipy, closed forms and identity; the Jacobi eigen-decomposition against hand values. */
class FrechetDistanceTest {

    @Test
    void matchesTheNumpyAndScipyReference() {
        int n = 40, d = 6;
        float[][] a = new float[n][d], b = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                a[i][j] = (float) Math.sin(0.7 * i + 1.3 * j + 0.1 * i * j);
                b[i][j] = (float) (Math.cos(0.4 * i - 0.9 * j) + 0.3 * a[i][j] * j / d);
            }
        }
        // python3 models/src/test/python/frechet_reference.py (numpy eigh and scipy.linalg.sqrtm agree)
        assertEquals(3.189283934885, FrechetDistance.between(a, b), 1e-9);
        assertEquals(3.189283934885, FrechetDistance.between(b, a), 1e-9, "symmetric");
    }

    @Test
    void identicalSetsAreAtZero() {
        float[][] a = gaussian(500, 12, 1);
        assertEquals(0, FrechetDistance.between(a, a), 1e-9);
    }

    @Test
    void shiftedAndScaledSetsMatchTheClosedForm() {
        float[][] a = gaussian(400, 8, 2), shifted = new float[400][8], scaled = new float[400][8];
        float[] shift = {0.5f, -1, 2, 0, 0.25f, 0, 0, -0.75f};
        double shiftSq = 0;
        for (float s : shift) shiftSq += s * s;
        for (int i = 0; i < 400; i++) {
            for (int j = 0; j < 8; j++) {
                shifted[i][j] = a[i][j] + shift[j];
                scaled[i][j] = 3 * a[i][j];
            }
        }
        // same covariance: only the means differ, d² = ‖shift‖²
        assertEquals(shiftSq, FrechetDistance.between(a, shifted), 1e-4);
        // μ₂ = 3μ₁, Σ₂ = 9·Σ₁: ‖2μ‖² + tr(Σ + 9Σ − 2·3Σ) = 4·(‖μ‖² + tr Σ)
        double expected = 0;
        FrechetDistance.Gaussian g = FrechetDistance.Gaussian.fit(a);
        for (int j = 0; j < 8; j++) expected += 4 * (g.cov()[j][j] + g.mean()[j] * g.mean()[j]);
        assertEquals(expected, FrechetDistance.between(a, scaled), 1e-5 * expected);
    }

    @Test
    void twoFittedGaussiansApproachTheirPopulationDistance() {
        // N(0, I) vs N(m, 4I) in 3-D: d² = ‖m‖² + 3·(1 + 4 − 2·2) = ‖m‖² + 3
        Rng r = new Rng(5);
        float[][] x = new float[20000][3], y = new float[20000][3];
        float[] m = {1, 0, -1};
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = (float) r.nextGaussian();
                y[i][j] = m[j] + 2 * (float) r.nextGaussian();
            }
        }
        assertEquals(5, FrechetDistance.between(x, y), 0.15);
    }

    @Test
    void jacobiEigenDecompositionOfAKnownMatrix() {
        // [[2, 1], [1, 2]] has eigenvalues 1 and 3
        double[] v = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}}).values();
        Arrays.sort(v);
        assertArrayEquals(new double[] {1, 3}, v, 1e-12);
        // the square root of [[5, 4], [4, 5]] is [[2, 1], [1, 2]]
        double[][] root = SymmetricEigen.of(new double[][] {{5, 4}, {4, 5}}).apply(Math::sqrt);
        assertArrayEquals(new double[] {2, 1}, root[0], 1e-12);
        assertArrayEquals(new double[] {1, 2}, root[1], 1e-12);
    }

    static float[][] gaussian(int n, int d, long seed) {
        Rng r = new Rng(seed);
        float[][] x = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) x[i][j] = (float) r.nextGaussian() * (1 + j * 0.2f) + (j % 3 == 0 ? x[i][0] * 0.5f : 0);
        }
        return x;
    }
}
