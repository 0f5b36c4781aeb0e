package io.genai4j.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import org.junit.jupiter.api.Test;

/** The fused kernel against attention written op by op, as in the paper. */
class AttentionTest {

    private static Tensor composed(Tensor q, Tensor k, Tensor v, boolean causal, Tensor pad) {
        int t = q.size(2);
        Tensor s = q.matmul(k.mT()).mul((float) (1 / Math.sqrt(q.size(-1))));
        if (causal) s = s.maskedFill(Masks.causal(t), Float.NEGATIVE_INFINITY);
        if (pad != null) s = s.maskedFill(pad.reshape(pad.size(0), 1, 1, pad.size(1)), Float.NEGATIVE_INFINITY);
        return s.softmax(-1).matmul(v);
    }

    private static void assertClose(Tensor a, Tensor b) {
        float[] x = a.toArray(), y = b.toArray();
        assertEquals(x.length, y.length);
        for (int i = 0; i < x.length; i++) assertEquals(y[i], x[i], 1e-5, "element " + i);
    }

    @Test
    void matchesComposedAttentionForwardAndBackward() {
        Rng rng = new Rng(7);
        int b = 2, h = 3, t = 17, d = 8;
        Tensor pad = Tensor.zeros(b, t);
        pad.data()[t - 1] = 1f;
        pad.data()[t + 3] = 1f;
        for (boolean causal : new boolean[] {true, false}) {
            Tensor q = Tensor.randn(rng, b, h, t, d).requiresGrad(true);
            Tensor k = Tensor.randn(rng, b, h, t, d).requiresGrad(true);
            Tensor v = Tensor.randn(rng, b, h, t, d).requiresGrad(true);
            Tensor r = Tensor.randn(rng, b, h, t, d);
            Tensor fused = F.scaledDotProductAttention(q, k, v, causal, pad);
            fused.mul(r).sum().backward();
            Tensor[] g1 = {q.grad(), k.grad(), v.grad()};
            q.zeroGrad();
            k.zeroGrad();
            v.zeroGrad();
            Tensor ref = composed(q, k, v, causal, pad);
            ref.mul(r).sum().backward();
            assertClose(fused, ref);
            assertClose(g1[0], q.grad());
            assertClose(g1[1], k.grad());
            assertClose(g1[2], v.grad());
        }
    }

    @Test
    void weightsRowsSumToOneAndRespectTheCausalMask() {
        Rng rng = new Rng(8);
        Tensor q = Tensor.randn(rng, 1, 2, 5, 4), k = Tensor.randn(rng, 1, 2, 5, 4), v = Tensor.randn(rng, 1, 2, 5, 4);
        Tensor w = Attention.attention(q, k, v, true, null, 0.5f, true).weights();
        for (int hh = 0; hh < 2; hh++) {
            for (int i = 0; i < 5; i++) {
                float sum = 0;
                for (int j = 0; j < 5; j++) {
                    float p = w.get(0, hh, i, j);
                    if (j > i) assertEquals(0f, p, "future key " + j + " seen by query " + i);
                    sum += p;
                }
                assertEquals(1f, sum, 1e-6);
            }
        }
    }

    @Test
    void packedSelfAttentionEqualsSplittingHeadsByViews() {
        Rng rng = new Rng(9);
        int b = 2, t = 7, c = 12, h = 3;
        Tensor qkv = Tensor.randn(rng, b, t, 3 * c).requiresGrad(true);
        Tensor r = Tensor.randn(rng, b, t, c);
        Tensor packed = Attention.packedCausalSelfAttention(qkv, h, 0f, null);
        packed.mul(r).sum().backward();
        Tensor g1 = qkv.grad();
        qkv.zeroGrad();
        Tensor[] parts = F.split(qkv, -1, c, c, c);
        Tensor[] heads = new Tensor[3];
        for (int i = 0; i < 3; i++) heads[i] = parts[i].reshape(b, t, h, c / h).transpose(1, 2);
        Tensor viaViews = F.scaledDotProductAttention(heads[0], heads[1], heads[2], true, null).transpose(1, 2).reshape(b, t, c);
        viaViews.mul(r).sum().backward();
        assertClose(packed, viaViews);
        assertClose(g1, qkv.grad());
    }
}
