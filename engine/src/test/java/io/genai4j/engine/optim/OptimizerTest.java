package io.genai4j.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genai4j.engine.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptimizerTest {

    private static void setGrad(Tensor p, float... g) {
        p.zeroGrad();
        p.accumulateGrad(Tensor.of(g, g.length));
    }

    /**
     * AdamW by hand (lr 0.1, β1 0.9, β2 0.999, ε 1e-8, λ 0.01), one weight w0 = 1:
     * step 1, g = 0.5:  w ← 1·(1 − 0.001) = 0.999; m = 0.05, v = 0.00025;
     *   m̂ = 0.05/0.1 = 0.5, v̂ = 0.00025/0.001 = 0.25;  w ← 0.999 − 0.1·0.5/(0.5 + 1e-8) = 0.899
     * step 2, g = −1:  w ← 0.899·0.999 = 0.898101; m = 0.045 − 0.1 = −0.055;
     *   v = 0.00024975 + 0.001 = 0.00124975; m̂ = −0.055/0.19 = −0.289474; v̂ = 0.00124975/0.001999 = 0.625188
     *   w ← 0.898101 + 0.1·0.289474/0.790688 = 0.934712
     */
    @Test
    void adamWMatchesHandComputedSteps() {
        Tensor w = Tensor.of(new float[] {1f}, 1).requiresGrad(true);
        AdamW opt = new AdamW(List.of(new ParamGroup(List.of(w), 0.01)), 0.1, 0.9, 0.999, 1e-8);
        setGrad(w, 0.5f);
        opt.step();
        assertEquals(0.899, w.item(), 1e-6);
        setGrad(w, -1f);
        opt.step();
        assertEquals(0.934712, w.item(), 2e-6);
    }

    @Test
    void adamWVectorPathEqualsScalarTail() {
        // 37 elements: two full 16-lane vectors and a scalar tail must apply the same formula.
        float[] init = new float[37], g = new float[37];
        for (int i = 0; i < 37; i++) {
            init[i] = 1f;
            g[i] = 0.5f;
        }
        Tensor w = Tensor.of(init, 37).requiresGrad(true);
        AdamW opt = new AdamW(List.of(new ParamGroup(List.of(w), 0.01)), 0.1, 0.9, 0.999, 1e-8);
        setGrad(w, g);
        opt.step();
        for (float v : w.toArray()) assertEquals(0.899, v, 1e-6);
    }

    /** SGD momentum 0.9, lr 0.1: b1 = g1 = 1 → w = 1 − 0.1 = 0.9; b2 = 0.9·1 + 2 = 2.9 → w = 0.9 − 0.29 = 0.61. */
    @Test
    void sgdMomentum() {
        Tensor w = Tensor.of(new float[] {1f}, 1).requiresGrad(true);
        Sgd opt = new Sgd(List.of(new ParamGroup(List.of(w), 0.0)), 0.1, 0.9, false);
        setGrad(w, 1f);
        opt.step();
        assertEquals(0.9, w.item(), 1e-6);
        setGrad(w, 2f);
        opt.step();
        assertEquals(0.61, w.item(), 1e-6);
    }

    @Test
    void nanoGptSchedule() {
        // train_shakespeare_char: lr 1e-3, min 1e-4, warmup 100, decay 5000
        LrSchedule s = LrSchedule.warmupCosine(1e-3, 1e-4, 100, 5000);
        assertEquals(1e-3 * 1 / 101, s.lr(0), 1e-12);
        assertEquals(1e-3 * 100 / 101, s.lr(99), 1e-12);
        assertEquals(1e-3, s.lr(100), 1e-12);
        assertEquals(1e-4 + 0.5 * 0.9e-3, s.lr(2550), 1e-9);   // halfway: cos(π/2) = 0
        assertEquals(1e-4, s.lr(5000), 1e-12);
        assertEquals(1e-4, s.lr(6000), 1e-12);
    }

    @Test
    void transformerScheduleWarmsUpThenDecays() {
        LrSchedule s = LrSchedule.inverseSqrt(512, 4000, 1.0);
        assertEquals(Math.pow(512, -0.5) * 1 * Math.pow(4000, -1.5), s.lr(0), 1e-12);
        assertEquals(Math.pow(512, -0.5) * Math.pow(4000, -0.5), s.lr(3999), 1e-12);   // the peak
        assertEquals(Math.pow(512, -0.5) * Math.pow(16000, -0.5), s.lr(15999), 1e-12);
    }

    @Test
    void clipGradNormScalesToMaxNorm() {
        Tensor a = Tensor.of(new float[] {3f}, 1).requiresGrad(true), b = Tensor.of(new float[] {0f}, 1).requiresGrad(true);
        setGrad(a, 3f);
        setGrad(b, 4f);
        double norm = GradClip.clipGradNorm(List.of(a, b), 1.0);
        assertEquals(5.0, norm, 1e-6);
        assertEquals(0.6, a.grad().item(), 1e-5);
        assertEquals(0.8, b.grad().item(), 1e-5);
        setGrad(a, 0.3f);
        setGrad(b, 0.4f);
        GradClip.clipGradNorm(List.of(a, b), 1.0);
        assertEquals(0.3, a.grad().item(), 1e-7);   // under the limit: untouched
    }
}
