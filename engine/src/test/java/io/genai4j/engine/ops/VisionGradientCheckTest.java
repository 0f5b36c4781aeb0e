package io.genai4j.engine.ops;

import static io.genai4j.engine.ops.GradCheck.check;
import static io.genai4j.engine.ops.GradCheck.rand;

import io.genai4j.engine.Tensor;
import org.junit.jupiter.api.Test;

/** Finite-difference gradient checks of the image ops, for every input (image, weight, bias, γ, β). */
class VisionGradientCheckTest {

    @Test
    void conv2dPlain() {
        check(t -> F.conv2d(t[0], t[1], t[2], ConvGeometry.square(3, 1, 1, 1, 1)),
                rand(1, -1, 1, 2, 2, 5, 5), rand(2, -1, 1, 3, 2, 3, 3), rand(3, -1, 1, 3));
    }

    @Test
    void conv2dStrideDilationGroupsAsymmetric() {
        ConvGeometry geo = new ConvGeometry(3, 2, 2, 1, 1, 2, 1, 2, 2);
        check(t -> F.conv2d(t[0], t[1], t[2], geo), rand(4, -1, 1, 2, 4, 6, 5), rand(5, -1, 1, 4, 2, 3, 2), rand(6, -1, 1, 4));
    }

    @Test
    void conv2dDepthwise() {
        check(t -> F.conv2d(t[0], t[1], null, ConvGeometry.square(3, 2, 1, 1, 3)), rand(7, -1, 1, 1, 3, 5, 5), rand(8, -1, 1, 3, 1, 3, 3));
    }

    @Test
    void conv2dWithPaddingWiderThanTheKernelAndStrideTwo() {
        // whole output rows and columns read only padding: the im2col fast path must leave them at 0
        ConvGeometry geo = new ConvGeometry(1, 2, 1, 2, 2, 3, 1, 1, 1);
        check(t -> F.conv2d(t[0], t[1], t[2], geo), rand(23, -1, 1, 1, 2, 2, 3), rand(24, -1, 1, 2, 2, 1, 2), rand(25, -1, 1, 2));
        Tensor one = F.conv2d(Tensor.of(new float[] {1, 2, 3, 4}, 1, 1, 2, 2), Tensor.ones(1, 1, 1, 1), null, ConvGeometry.square(1, 1, 2, 1, 1));
        float[] expected = new float[36];
        expected[2 * 6 + 2] = 1;
        expected[2 * 6 + 3] = 2;
        expected[3 * 6 + 2] = 3;
        expected[3 * 6 + 3] = 4;
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, one.toArray());
    }

    @Test
    void maxPoolAwayFromTies() {
        // distinct values spaced well beyond h, so a perturbation never changes which element is the max
        float[] v = new float[2 * 2 * 5 * 5];
        for (int i = 0; i < v.length; i++) v[i] = ((i * 37) % v.length) * 0.1f;
        check(t -> F.maxPool2d(t[0], 2, 2, 0), 1e-2f, 2e-2, Tensor.of(v.clone(), 2, 2, 5, 5));
        check(t -> F.maxPool2d(t[0], 3, 2, 1), 1e-2f, 2e-2, Tensor.of(v.clone(), 2, 2, 5, 5));
    }

    @Test
    void avgPool() {
        check(t -> F.avgPool2d(t[0], 3, 2, 1), rand(9, -1, 1, 2, 2, 5, 5));
        check(t -> F.avgPool2d(t[0], 2, 2, 0), rand(10, -1, 1, 1, 3, 4, 6));
    }

    @Test
    void batchNormTrainingAndEvaluation() {
        check(t -> F.batchNorm2d(t[0], t[1], t[2], null, null, true, 0.1f, 1e-5f),
                rand(11, -1, 1, 3, 2, 3, 3), rand(12, 0.5f, 1.5f, 2), rand(13, -1, 1, 2));
        Tensor rm = Tensor.of(new float[] {0.2f, -0.1f}, 2), rv = Tensor.of(new float[] {1.5f, 0.7f}, 2);
        check(t -> F.batchNorm2d(t[0], t[1], t[2], rm, rv, false, 0.1f, 1e-5f),
                rand(14, -1, 1, 2, 2, 3, 3), rand(15, 0.5f, 1.5f, 2), rand(16, -1, 1, 2));
    }

    @Test
    void groupNorm() {
        check(t -> F.groupNorm(t[0], 2, t[1], t[2], 1e-5f), rand(17, -1, 1, 2, 4, 3, 3), rand(18, 0.5f, 1.5f, 4), rand(19, -1, 1, 4));
    }

    @Test
    void leakyReluAwayFromZero() {
        // values at least 0.05 from the kink, so ±h never crosses it; both slopes are exercised
        float[] v = new float[24];
        for (int i = 0; i < v.length; i++) v[i] = (i % 2 == 0 ? 1 : -1) * (0.05f + 0.07f * i);
        check(t -> t[0].leakyRelu(0.2f), 1e-2f, 2e-2, Tensor.of(v, 2, 3, 4));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {-0.4f, 0f, 3f}, Tensor.of(new float[] {-2, 0, 3}, 3).leakyRelu(0.2f).toArray());
    }

    @Test
    void nearestAndBilinearUpsampling() {
        check(t -> F.upsampleNearest(t[0], 6, 7), rand(20, -1, 1, 2, 2, 3, 4));
        check(t -> F.upsampleBilinear(t[0], 7, 9), rand(21, -1, 1, 2, 2, 3, 4));
        check(t -> F.upsampleBilinear(t[0], 2, 3), rand(22, -1, 1, 1, 2, 5, 6));   // downsampling too
    }
}
