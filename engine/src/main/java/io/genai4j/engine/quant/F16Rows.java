package io.genai4j.engine.quant;

import static io.genai4j.engine.quant.Lanes.F;
import static io.genai4j.engine.quant.Lanes.I;
import static io.genai4j.engine.quant.Lanes.L;
import static io.genai4j.engine.quant.Lanes.LE;
import static io.genai4j.engine.quant.Lanes.S;
import static io.genai4j.engine.quant.Lanes.SHORT;

import io.genai4j.engine.kernels.Parallel;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;

/** IEEE half floats, widened in registers by {@link HalfVectors}' integer trick. */
final class F16Rows implements RowKernel {
    /** For any halves: Inf and NaN are detected per row and taken exactly. */
    static final F16Rows INSTANCE = new F16Rows();
    /** For matrices known to hold no Inf or NaN ({@link #allFinite}): no detection in the loop. */
    static final RowKernel FINITE = new Finite();
    private static final int EXP_ALL_ONES = HalfVectors.EXP_ALL_ONES;

    /** Rows [r0, r1): each class keeps its own copy of this loop so that C2 compiles it with this kernel alone. */
    @Override
    public void dotRows(MemorySegment w, long rowBytes, int r0, int r1, float[] x, int xOff, int n, float[] y, int yOff) {
        for (int r = r0; r < r1; r++) y[yOff + r - r0] = dot(w, r * rowBytes, x, xOff, n);
    }

    /**
     * Two vectors per step. Kernels are kept this small on purpose: C2 stops inlining a method's
     * callees past a node budget, the Vector API spends that budget fast, and a vector handed to a
     * call that was not inlined is boxed on the heap (measured: a 4× unrolled loop here ran at a
     * third of the speed).
     */
    @Override
    public float dot(MemorySegment w, long off, float[] x, int xOff, int n) {
        if (n % (2 * L) != 0) return scalarDot(w, off, x, xOff, n);
        FloatVector a0 = FloatVector.zero(F), a1 = a0;
        IntVector big = IntVector.zero(I);
        for (int i = 0; i < n; i += 2 * L) {
            long o = off + 2L * i;
            IntVector h0 = halves(w, o), h1 = halves(w, o + 2L * L);
            big = big.max(h0.and(0x7FFF)).max(h1.and(0x7FFF));
            a0 = HalfVectors.widen(h0).fma(FloatVector.fromArray(F, x, xOff + i), a0);
            a1 = HalfVectors.widen(h1).fma(FloatVector.fromArray(F, x, xOff + i + L), a1);
        }
        if (big.reduceLanes(VectorOperators.MAX) >= EXP_ALL_ONES) return scalarDot(w, off, x, xOff, n);
        return Lanes.sum(a0.add(a1));
    }

    /** The finite-only kernel: a third fewer vector operations per element than the checked one. */
    private static final class Finite implements RowKernel {
        @Override
        public void dotRows(MemorySegment w, long rowBytes, int r0, int r1, float[] x, int xOff, int n, float[] y, int yOff) {
            for (int r = r0; r < r1; r++) y[yOff + r - r0] = dot(w, r * rowBytes, x, xOff, n);
        }

        @Override
        public float dot(MemorySegment w, long off, float[] x, int xOff, int n) {
            if (n % (2 * L) != 0) return scalarDot(w, off, x, xOff, n);
            FloatVector a0 = FloatVector.zero(F), a1 = a0;
            for (int i = 0; i < n; i += 2 * L) {
                long o = off + 2L * i;
                a0 = finite(halves(w, o)).fma(FloatVector.fromArray(F, x, xOff + i), a0);
                a1 = finite(halves(w, o + 2L * L)).fma(FloatVector.fromArray(F, x, xOff + i + L), a1);
            }
            return Lanes.sum(a0.add(a1));
        }

        @Override
        public void decode(MemorySegment w, long off, float[] y, int yOff, int n) {
            INSTANCE.decode(w, off, y, yOff, n);
        }
    }

    /**
     * Finite halves, sign-extended, to floats in three operations: shifted by 13, the sign lands in
     * bit 31 and exponent and mantissa in float position (the mask clears the sign copies in
     * between); scaling by 2^112 rebiases the exponent and keeps the sign.
     */
    private static FloatVector finite(IntVector h) {
        return h.lanewise(VectorOperators.LSHL, 13).and(0x8FFFE000).reinterpretAsFloats().mul(0x1p112f);
    }

    /**
     * The n halves at off, all finite (a matrix {@link #allFinite} passed), as floats into y[yOff, +n),
     * n a multiple of the vector length: the tiles of {@link DecodedTiles}, where the checked
     * {@link #decode} cost twice the multiply-adds it feeds.
     */
    static void decodeFinite(MemorySegment w, long off, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i += L) finite(halves(w, off + 2L * i)).intoArray(y, yOff + i);
    }

    /** True when no element of the matrix is Inf or NaN (one pass over its bytes, all threads). */
    static boolean allFinite(WeightMatrix m) {
        long elements = (long) m.rows() * m.cols();
        int chunks = (int) Math.min(1024, Math.max(1, elements >> 16));
        AtomicBoolean special = new AtomicBoolean();
        Parallel.forRange(chunks, 1, (lo, hi) -> {
            long from = elements * lo / chunks, to = elements * hi / chunks;
            if (!finiteRange(m.data(), from, to)) special.set(true);
        });
        return !special.get();
    }

    private static boolean finiteRange(MemorySegment w, long from, long to) {
        IntVector big = IntVector.zero(I);
        long i = from;
        for (; i + L <= to; i += L) big = big.max(halves(w, 2 * i).and(0x7FFF));
        if (big.reduceLanes(VectorOperators.MAX) >= EXP_ALL_ONES) return false;
        for (; i < to; i++) if ((w.get(SHORT, 2 * i) & 0x7C00) == 0x7C00) return false;
        return true;
    }

    private static float scalarDot(MemorySegment w, long off, float[] x, int xOff, int n) {
        float s = 0;
        for (int i = 0; i < n; i++) s += Lanes.f16(w, off + 2L * i) * x[xOff + i];
        return s;
    }

    @Override
    public void decode(MemorySegment w, long off, float[] y, int yOff, int n) {
        int i = 0;
        for (; i <= n - L; i += L) {
            IntVector h = halves(w, off + 2L * i);
            HalfVectors.widen(h).intoArray(y, yOff + i);
            if (h.and(0x7FFF).reduceLanes(VectorOperators.MAX) >= EXP_ALL_ONES) {
                for (int j = i; j < i + L; j++) y[yOff + j] = Lanes.f16(w, off + 2L * j);
            }
        }
        for (; i < n; i++) y[yOff + i] = Lanes.f16(w, off + 2L * i);
    }

    /** L halves, sign-extended to ints (so bit 31 is the sign). */
    static IntVector halves(MemorySegment w, long off) {
        return (IntVector) ShortVector.fromMemorySegment(S, w, off, LE).convertShape(VectorOperators.S2I, I, 0);
    }
}
