package io.genai4j.engine.quant;

import static io.genai4j.engine.quant.Lanes.B;
import static io.genai4j.engine.quant.Lanes.F;
import static io.genai4j.engine.quant.Lanes.I;
import static io.genai4j.engine.quant.Lanes.L;
import static io.genai4j.engine.quant.Lanes.LE;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Q4_K super-blocks of 256 (see {@link KQuants}): eight sub-blocks of 32 with 6-bit scale sc and
 * min m, x = d·sc·q − dmin·m. Each lane is dequantized in registers (one FMA) and multiplied with
 * x (another), in chunks of 64 elements: 32 bytes whose low nibbles are the first sub-block and
 * high nibbles the second.
 */
final class Q4KRows implements RowKernel {
    static final Q4KRows INSTANCE = new Q4KRows();
    private static final int QK = 256, BYTES = 144;

    private static IntVector bytes(MemorySegment w, long off) {
        return (IntVector) ByteVector.fromMemorySegment(B, w, off, LE).convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
    }

    /** ggml's get_scale_min_k4 on the 12 scale bytes at s: scale in the low 16 bits, min in the high. */
    static int scaleMin(MemorySegment w, long s, int j) {
        if (j < 4) return (u8(w, s + j) & 63) | (u8(w, s + j + 4) & 63) << 16;
        int sc = (u8(w, s + j + 4) & 0x0F) | (u8(w, s + j - 4) >> 6) << 4;
        int m = (u8(w, s + j + 4) >> 4) | (u8(w, s + j) >> 6) << 4;
        return sc | m << 16;
    }

    private static int u8(MemorySegment w, long o) {
        return w.get(ValueLayout.JAVA_BYTE, o) & 0xFF;
    }

    /** Rows [r0, r1): each class keeps its own copy of this loop so that C2 compiles it with this kernel alone. */
    @Override
    public void dotRows(MemorySegment w, long rowBytes, int r0, int r1, float[] x, int xOff, int n, float[] y, int yOff) {
        for (int r = r0; r < r1; r++) y[yOff + r - r0] = dot(w, r * rowBytes, x, xOff, n);
    }

    @Override
    public float dot(MemorySegment w, long off, float[] x, int xOff, int n) {
        FloatVector a0 = FloatVector.zero(F), a1 = a0;
        for (int b = 0; b < n / QK; b++) {
            long o = off + (long) b * BYTES;
            float d = Lanes.f16(w, o), dmin = Lanes.f16(w, o + 2);
            for (int c = 0; c < 4; c++) {
                int sm1 = scaleMin(w, o + 4, 2 * c), sm2 = scaleMin(w, o + 4, 2 * c + 1);
                FloatVector d1 = FloatVector.broadcast(F, d * (sm1 & 0xFFFF)), m1 = FloatVector.broadcast(F, -dmin * (sm1 >>> 16));
                FloatVector d2 = FloatVector.broadcast(F, d * (sm2 & 0xFFFF)), m2 = FloatVector.broadcast(F, -dmin * (sm2 >>> 16));
                long q = o + 16 + 32L * c;
                int xo = xOff + b * QK + 64 * c;
                for (int l = 0; l < 32; l += L) {
                    IntVector v = bytes(w, q + l);
                    FloatVector lo = ((FloatVector) v.and(15).convert(VectorOperators.I2F, 0)).fma(d1, m1);
                    FloatVector hi = ((FloatVector) v.lanewise(VectorOperators.LSHR, 4).convert(VectorOperators.I2F, 0)).fma(d2, m2);
                    a0 = lo.fma(FloatVector.fromArray(F, x, xo + l), a0);
                    a1 = hi.fma(FloatVector.fromArray(F, x, xo + 32 + l), a1);
                }
            }
        }
        return Lanes.sum(a0.add(a1));
    }

    @Override
    public void decode(MemorySegment w, long off, float[] y, int yOff, int n) {
        for (int b = 0; b < n / QK; b++) {
            long o = off + (long) b * BYTES;
            float d = Lanes.f16(w, o), dmin = Lanes.f16(w, o + 2);
            for (int c = 0; c < 4; c++) {
                int sm1 = scaleMin(w, o + 4, 2 * c), sm2 = scaleMin(w, o + 4, 2 * c + 1);
                float d1 = d * (sm1 & 0xFFFF), m1 = dmin * (sm1 >>> 16), d2 = d * (sm2 & 0xFFFF), m2 = dmin * (sm2 >>> 16);
                long q = o + 16 + 32L * c;
                int yo = yOff + b * QK + 64 * c;
                for (int l = 0; l < 32; l += L) {
                    IntVector v = bytes(w, q + l);
                    // Multiply, then subtract, as ggml's dequantize_row_q4_K: bit-identical values.
                    ((FloatVector) v.and(15).convert(VectorOperators.I2F, 0)).mul(d1).sub(m1).intoArray(y, yo + l);
                    ((FloatVector) v.lanewise(VectorOperators.LSHR, 4).convert(VectorOperators.I2F, 0)).mul(d2).sub(m2).intoArray(y, yo + 32 + l);
                }
            }
        }
    }
}
