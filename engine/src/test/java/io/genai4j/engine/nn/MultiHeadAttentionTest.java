package io.genai4j.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import org.junit.jupiter.api.Test;

class MultiHeadAttentionTest {

    @Test
    void causalSelfAttentionNeverSeesTheFuture() {
        Rng rng = new Rng(1);
        MultiHeadAttention mha = new MultiHeadAttention(16, 4, true, 0f, rng);
        Tensor x = Tensor.randn(rng, 2, 6, 16);
        try (Grad g = Grad.off()) {
            float[] before = mha.forward(x, true, null).toArray();
            // Perturb position 4 onward: outputs at positions 0..3 must not change at all.
            Tensor y = x.contiguous();
            float[] d = y.data();
            for (int b = 0; b < 2; b++) for (int t = 4; t < 6; t++) for (int c = 0; c < 16; c++) d[(b * 6 + t) * 16 + c] += 5f;
            float[] after = mha.forward(y, true, null).toArray();
            for (int b = 0; b < 2; b++) {
                for (int t = 0; t < 6; t++) {
                    for (int c = 0; c < 16; c++) {
                        int i = (b * 6 + t) * 16 + c;
                        if (t < 4) assertEquals(before[i], after[i], "position " + t + " changed");
                    }
                }
            }
            assertNotEquals(before[(5) * 16], after[(5) * 16]);
        }
    }

    @Test
    void crossAttentionShapesAndWeights() {
        Rng rng = new Rng(2);
        MultiHeadAttention mha = new MultiHeadAttention(16, 8, false, 0f, rng);
        Tensor dec = Tensor.randn(rng, 2, 3, 16), enc = Tensor.randn(rng, 2, 5, 16);
        Tensor pad = Tensor.zeros(2, 5);
        pad.data()[5 + 4] = 1f;   // second sentence has 4 real source tokens
        var out = mha.forward(dec, enc, false, pad, true);
        assertArrayEquals(new int[] {2, 3, 16}, out.output().shape());
        assertArrayEquals(new int[] {2, 8, 3, 5}, out.weights().shape());
        for (int h = 0; h < 8; h++) for (int i = 0; i < 3; i++) assertEquals(0f, out.weights().get(1, h, i, 4));
    }

    @Test
    void gradientsReachEveryProjection() {
        Rng rng = new Rng(3);
        MultiHeadAttention mha = new MultiHeadAttention(8, 2, true, 0f, rng);
        Tensor x = Tensor.randn(rng, 1, 4, 8).requiresGrad(true);
        mha.forward(x, true, null).sum().backward();
        for (var e : mha.namedParameters().entrySet()) {
            assertTrue(e.getValue().grad() != null, e.getKey() + " has no gradient");
        }
        assertTrue(x.grad() != null);
    }

    @Test
    void sinusoidalTableFollowsThePaper() {
        Tensor pe = PositionalEncoding.table(50, 8);
        assertEquals(0f, pe.get(0, 0));
        assertEquals(1f, pe.get(0, 1));
        assertEquals((float) Math.sin(3), pe.get(3, 0), 1e-7);
        assertEquals((float) Math.cos(3 / Math.pow(10000, 2.0 / 8)), pe.get(3, 3), 1e-7);
        assertEquals((float) Math.sin(49 / Math.pow(10000, 6.0 / 8)), pe.get(49, 6), 1e-7);
    }
}
