package io.genai4j.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.engine.Rng;
import io.genai4j.engine.Storage;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.ops.GradCheck;
import io.genai4j.engine.quant.BlockCodec;
import io.genai4j.engine.quant.HalfFloats;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class LoraLinearTest {
    private static final int IN = 256, OUT = 8, RANK = 2;

    /**
     * A frozen [OUT, IN] weight of type t: F32 random; F16, BF16, Q8_0, Q4_0 encoded from it; Q4_K
     * and Q6_K (no encoder here) random blocks of realistic scale.
     */
    static Linear frozenBase(DType t, long seed) {
        Tensor f32 = GradCheck.rand(seed, -0.5f, 0.5f, OUT, IN);
        Tensor w = switch (t) {
            case F32 -> f32;
            case F16, BF16, Q8_0, Q4_0 -> quantized(BlockCodec.encodeRows(t, f32.toArray(), OUT, IN), t);
            case Q4_K -> quantized(randomQ4K(seed), t);
            case Q6_K -> quantized(randomQ6K(seed), t);
            default -> throw new IllegalArgumentException(t.name());
        };
        return Linear.frozen(w, GradCheck.rand(seed + 1, -0.1f, 0.1f, OUT));
    }

    private static Tensor quantized(byte[] bytes, DType t) {
        return new Tensor(new Storage.Segment(MemorySegment.ofArray(bytes), t), new int[] {OUT, IN}, new int[] {IN, 1}, 0);
    }

    /** Q4_K blocks (144 bytes per 256 values): random nibbles and 6-bit scales, d and dmin small. */
    private static byte[] randomQ4K(long seed) {
        byte[] b = new byte[OUT * IN / 256 * 144];
        new Random(seed).nextBytes(b);
        short d = HalfFloats.f32ToF16(0.002f), dmin = HalfFloats.f32ToF16(0.004f);
        for (int blk = 0; blk < b.length; blk += 144) {
            b[blk] = (byte) d;
            b[blk + 1] = (byte) (d >> 8);
            b[blk + 2] = (byte) dmin;
            b[blk + 3] = (byte) (dmin >> 8);
        }
        return b;
    }

    /** Q6_K blocks (210 bytes per 256 values: ql, qh, 16 int8 scales, f16 d): random quants, small scales and d. */
    private static byte[] randomQ6K(long seed) {
        byte[] b = new byte[OUT * IN / 256 * 210];
        Random r = new Random(seed);
        r.nextBytes(b);
        short d = HalfFloats.f32ToF16(0.001f);
        for (int blk = 0; blk < b.length; blk += 210) {
            for (int s = 0; s < 16; s++) b[blk + 192 + s] = (byte) (r.nextInt(31) - 15);
            b[blk + 208] = (byte) d;
            b[blk + 209] = (byte) (d >> 8);
        }
        return b;
    }

    @Test
    void startsAsTheBaseLayerWithPeftInitialisation() {
        Linear base = frozenBase(DType.F32, 1);
        Tensor x = GradCheck.rand(3, -1, 1, 2, 3, IN);
        float[] before = base.forward(x).toArray();
        LoraLinear lora = new LoraLinear(base, RANK, LoraLinear.scaling(16, RANK, false), 0f, new Rng(7));
        assertSame(lora, base.adapter());
        assertArrayEquals(new int[] {RANK, IN}, lora.loraA.weight.shape());
        assertArrayEquals(new int[] {OUT, RANK}, lora.loraB.weight.shape());
        for (float b : lora.loraB.weight.toArray()) assertEquals(0f, b);
        double bound = 1 / Math.sqrt(IN), max = 0;   // Kaiming-uniform with a = √5: U(±1/√in)
        for (float a : lora.loraA.weight.toArray()) max = Math.max(max, Math.abs(a));
        assertTrue(max <= bound && max > 0.9 * bound, "A within U(±1/√in), got max |a| " + max);
        assertArrayEquals(before, base.forward(x).toArray());
        assertEquals(List.of("lora_A.weight", "lora_B.weight"), List.copyOf(lora.stateDict().keySet()));
        assertEquals((long) RANK * (IN + OUT), lora.numParameters());
    }

    @Test
    void scalingIsAlphaOverRankOrOverItsRootWithRsLora() {
        assertEquals(2f, LoraLinear.scaling(16, 8, false));
        assertEquals((float) (16 / Math.sqrt(8)), LoraLinear.scaling(16, 8, true));
    }

    @Test
    void sidePathIsScaledLowRankProductOfTheInput() {
        Linear base = frozenBase(DType.F32, 2);
        LoraLinear lora = trained(base, 0.5f);
        Tensor x = GradCheck.rand(4, -1, 1, 3, IN);
        float[] y = base.forward(x).toArray(), expected = new float[3 * OUT];
        float[] w = base.weight.toArray(), bias = base.bias.toArray(), xs = x.toArray();
        float[] a = lora.loraA.weight.toArray(), b = lora.loraB.weight.toArray();
        for (int t = 0; t < 3; t++) {
            double[] ax = new double[RANK];
            for (int r = 0; r < RANK; r++) for (int i = 0; i < IN; i++) ax[r] += a[r * IN + i] * xs[t * IN + i];
            for (int o = 0; o < OUT; o++) {
                double s = bias[o];
                for (int i = 0; i < IN; i++) s += w[o * IN + i] * xs[t * IN + i];
                for (int r = 0; r < RANK; r++) s += 0.5 * b[o * RANK + r] * ax[r];
                expected[t * OUT + o] = (float) s;
            }
        }
        assertArrayEquals(expected, y, 1e-4f);
        lora.detach();
        assertNull(base.adapter());
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F32", "F16", "BF16", "Q8_0", "Q4_0", "Q4_K", "Q6_K"})
    void gradientsMatchFiniteDifferencesOverAnyBase(DType type) {
        Linear base = frozenBase(type, 5);
        LoraLinear lora = trained(base, 2f);
        Tensor x = GradCheck.rand(6, -1, 1, 1, 2, IN);
        GradCheck.check(in -> base.forward(in[0]).tanh(), 1e-2f, 2e-2, x, lora.loraA.weight, lora.loraB.weight);
        assertEquals(type, base.weight.dtype(), "the base keeps its storage type");
        assertFalse(base.weight.requiresGrad(), "the base stays frozen");
    }

    @Test
    void mergedLogitsEqualUnmergedAndUnmergeRestoresTheWeight() {
        Linear base = Linear.frozen(GradCheck.rand(8, -0.5f, 0.5f, OUT, IN).contiguous(), null);
        float[] original = base.weight.toArray();
        LoraLinear lora = trained(base, 2f);
        Tensor x = GradCheck.rand(9, -1, 1, 4, IN);
        float[] unmerged = base.forward(x).toArray(), expectedWeight = lora.mergedWeight().toArray();
        lora.merge();
        assertTrue(lora.isMerged());
        float[] merged = base.forward(x).toArray();
        for (int i = 0; i < merged.length; i++) {
            assertEquals(unmerged[i], merged[i], 1e-5 * Math.max(1, Math.abs(unmerged[i])), "output " + i);
        }
        assertArrayEquals(expectedWeight, base.weight.toArray(), 1e-6f);
        assertArrayEquals(expectedWeight, lora.mergedWeight().toArray(), 1e-6f);
        lora.unmerge();
        assertArrayEquals(original, base.weight.toArray(), 1e-6f);
        assertArrayEquals(unmerged, base.forward(x).toArray(), 1e-5f);
    }

    @Test
    void quantizedBaseMergesIntoANewWeightOnly() {
        Linear base = frozenBase(DType.Q8_0, 10);
        LoraLinear lora = trained(base, 1f);
        assertThrows(IllegalStateException.class, lora::merge);
        Tensor x = GradCheck.rand(11, -1, 1, 2, IN);
        Tensor merged;
        try (Grad g = Grad.off()) {
            merged = x.matmul(lora.mergedWeight().mT()).add(base.bias);
        }
        assertArrayEquals(base.forward(x).toArray(), merged.toArray(), 1e-4f);
    }

    @Test
    void dropoutActsOnTheInputOfTheSidePathWhileTraining() {
        Linear base = frozenBase(DType.F32, 12);
        LoraLinear lora = new LoraLinear(base, RANK, 1f, 0.5f, new Rng(3));
        Init.uniform(lora.loraB.weight, -1, 1, new Rng(4));
        Tensor x = GradCheck.rand(13, -1, 1, 2, IN);
        float[] train1 = lora.delta(x).toArray(), train2 = lora.delta(x).toArray();
        assertFalse(java.util.Arrays.equals(train1, train2), "training draws a new mask each call");
        lora.eval();
        assertArrayEquals(lora.delta(x).toArray(), lora.delta(x).toArray());
    }

    @Test
    void aLayerTakesOneAdapter() {
        Linear base = frozenBase(DType.F32, 14);
        new LoraLinear(base, RANK, 1f, 0f, new Rng(1));
        assertThrows(IllegalStateException.class, () -> new LoraLinear(base, RANK, 1f, 0f, new Rng(1)));
    }

    /** An adapter with a non-zero B, as after some training. */
    private static LoraLinear trained(Linear base, float scale) {
        LoraLinear lora = new LoraLinear(base, RANK, scale, 0f, new Rng(21));
        Init.uniform(lora.loraB.weight, -0.5, 0.5, new Rng(22));
        return lora;
    }
}
