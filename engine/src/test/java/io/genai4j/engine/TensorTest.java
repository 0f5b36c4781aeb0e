package io.genai4j.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.autograd.Grad;
import org.junit.jupiter.api.Test;

class TensorTest {

    private static Tensor seq(int... shape) {
        float[] d = new float[Shape.numel(shape)];
        for (int i = 0; i < d.length; i++) d[i] = i;
        return Tensor.of(d, shape);
    }

    @Test
    void viewsShareStorageAndIndexCorrectly() {
        Tensor x = seq(2, 3, 4);
        Tensor t = x.transpose(0, 2);                 // [4, 3, 2]
        assertSame(x.storage(), t.storage());
        assertFalse(t.isContiguous());
        assertEquals(x.get(1, 2, 3), t.get(3, 2, 1));
        Tensor n = x.narrow(2, 1, 2);                 // [2, 3, 2]
        assertSame(x.storage(), n.storage());
        assertArrayEquals(new float[] {1, 2, 5, 6, 9, 10, 13, 14, 17, 18, 21, 22}, n.toArray());
        Tensor e = Tensor.of(new float[] {1, 2, 3}, 3).expand(2, 3);
        assertArrayEquals(new int[] {0, 1}, e.strides());
        assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3}, e.toArray());
        assertArrayEquals(new float[] {0, 12, 4, 16, 8, 20}, x.select(2, 0).transpose(0, 1).toArray());
    }

    @Test
    void reshapeOfANonContiguousViewCopies() {
        Tensor x = seq(2, 3);
        Tensor r = x.mT().reshape(6);
        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, r.toArray());
        assertArrayEquals(new int[] {3, 2}, x.reshape(-1, 2).shape());
        var e = assertThrows(IllegalArgumentException.class, () -> x.reshape(4, -1));
        assertTrue(e.getMessage().contains("cannot reshape 6 elements"), e.getMessage());
    }

    @Test
    void reshapeSplitsAndMergesDimensionsWithoutCopyWhenTheLayoutAllows() {
        Tensor qkv = seq(2, 3, 12);
        Tensor k = qkv.narrow(2, 4, 4);                  // [2, 3, 4], row stride 12
        Tensor heads = k.reshape(2, 3, 2, 2);            // split the last dim: still a view
        assertSame(qkv.storage(), heads.storage());
        assertArrayEquals(new int[] {36, 12, 2, 1}, heads.strides());
        assertEquals(k.get(1, 2, 3), heads.get(1, 2, 1, 1));
        Tensor t = seq(4, 3, 5).transpose(0, 1);         // [3, 4, 5]
        Tensor merged = t.reshape(3, 20);                // dims 1, 2 are not adjacent in memory
        assertArrayEquals(t.toArray(), merged.toArray());
        Tensor m2 = seq(2, 3, 4).reshape(6, 4).reshape(2, 12);
        assertArrayEquals(seq(2, 12).toArray(), m2.toArray());
    }

    @Test
    void broadcastingArithmetic() {
        Tensor a = seq(2, 3);
        Tensor b = Tensor.of(new float[] {10, 20}, 2, 1);
        assertArrayEquals(new float[] {10, 11, 12, 23, 24, 25}, a.add(b).toArray());
        assertArrayEquals(new float[] {0, 2, 4, 6, 8, 10}, a.mul(Tensor.scalar(2)).toArray());
        var e = assertThrows(IllegalArgumentException.class, () -> a.add(seq(4)));
        assertTrue(e.getMessage().contains("cannot be broadcast"), e.getMessage());
    }

    @Test
    void largeElementwiseOpsSplitAcrossThreadsGiveTheSameResult() {
        Tensor a = Tensor.randn(new Rng(1), 300, 257), b = Tensor.randn(new Rng(2), 257);
        float[] got = a.mul(b).toArray(), ad = a.toArray(), bd = b.toArray();
        for (int i = 0; i < got.length; i++) assertEquals(ad[i] * bd[i % 257], got[i]);
    }

    @Test
    void halfPrecisionConversions() {
        Tensor x = Tensor.of(new float[] {0f, 1f, -2.5f, 65504f, 1e-8f, 3.14159f}, 6);
        Tensor h = x.to(DType.F16);
        assertEquals(DType.F16, h.dtype());
        float[] back = h.to(DType.F32).toArray();
        assertEquals(65504f, back[3]);
        assertEquals(0f, back[4]);                       // below F16's smallest subnormal
        assertEquals(3.140625f, back[5]);                // nearest F16
        float[] bf = x.to(DType.BF16).to(DType.F32).toArray();
        assertEquals(3.140625f, bf[5]);                  // BF16 keeps 8 bits of mantissa
        assertEquals(1e-8f, bf[4], 1e-10);               // but F32's exponent range
        var e = assertThrows(IllegalStateException.class, () -> h.add(h));
        assertTrue(e.getMessage().contains("convert it with .to(DType.F32)"), e.getMessage());
    }

    @Test
    void gradientsAccumulateAcrossBackwardCallsAndGraphIsReleased() {
        Tensor w = Tensor.of(new float[] {2f}, 1).requiresGrad(true);
        Tensor y = w.mul(w).sum();             // dy/dw = 2w = 4
        y.backward();
        assertEquals(4f, w.grad().item());
        assertNull(y.gradFn(), "graph released after backward");
        w.mul(3f).sum().backward();            // + 3
        assertEquals(7f, w.grad().item());
        w.zeroGrad();
        assertNull(w.grad());
    }

    @Test
    void sharedSubexpressionsSumTheirGradients() {
        Tensor x = Tensor.of(new float[] {3f}, 1).requiresGrad(true);
        Tensor s = x.mul(x);                   // used twice below
        s.add(s.mul(2f)).sum().backward();     // 3x² → 6x = 18
        assertEquals(18f, x.grad().item());
    }

    @Test
    void noGradScopeRecordsNothing() {
        Tensor w = Tensor.ones(2).requiresGrad(true);
        try (Grad g = Grad.off()) {
            Tensor y = w.mul(2f);
            assertFalse(y.requiresGrad());
            assertNull(y.gradFn());
        }
        assertTrue(w.mul(2f).requiresGrad());
    }

    @Test
    void clearErrors() {
        Tensor w = Tensor.ones(2).requiresGrad(true);
        var e = assertThrows(IllegalStateException.class, () -> w.mul(2f).backward());
        assertTrue(e.getMessage().contains("one-element"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> Tensor.ones(1).backward());
        assertTrue(e.getMessage().contains("does not require grad"), e.getMessage());
        var m = assertThrows(IllegalArgumentException.class, () -> seq(2, 3).matmul(seq(2, 3)));
        assertTrue(m.getMessage().contains("do not align"), m.getMessage());
        m = assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[5], 2, 3));
        assertTrue(m.getMessage().contains("needs 6 elements, got 5"), m.getMessage());
    }

    @Test
    void deepChainsDoNotOverflowTheStack() {
        Tensor x = Tensor.of(new float[] {1f}, 1).requiresGrad(true);
        Tensor y = x;
        for (int i = 0; i < 20_000; i++) y = y.mul(1f);
        y.sum().backward();
        assertEquals(1f, x.grad().item());
    }
}
