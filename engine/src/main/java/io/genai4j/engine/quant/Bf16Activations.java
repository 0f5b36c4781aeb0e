package io.genai4j.engine.quant;

import static io.genai4j.engine.quant.Lanes.F;
import static io.genai4j.engine.quant.Lanes.L;
import static io.genai4j.engine.quant.Lanes.S;

import io.genai4j.engine.quant.HalfFloats;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The activation of a long row rounded to bfloat16, for the kernels that read it so
 * ({@link Q4KWideRows#LONG}, and {@link Q4_0LongRows} on request). A dot product reads all of x for every row; as
 * floats, 8192 of them fill two thirds of a 48 KB L1 cache, the weights streaming past evict them,
 * and every row re-reads x from L2, which halved the speed of 8192-long rows streamed from memory.
 * In bfloat16 x takes half the space. It keeps 8 significant bits: a relative error of at most 2⁻⁹
 * per element, so |dot − exact| ≤ 2⁻⁹·Σ|w·x| plus float rounding, far below the 4-bit weights' own
 * error (llama.cpp rounds x to 8-bit integers for the same products).
 */
final class Bf16Activations {
    private Bf16Activations() {}

    /** Rows at most this long keep float x: 16 KB of it stays in L1 beside the weight stream. */
    static final int MIN_LENGTH = 4096;

    private static final ThreadLocal<short[]> ROUNDED = ThreadLocal.withInitial(() -> new short[0]);

    /** x[xOff, xOff + n) as bfloat16 bits (round to nearest even, NaN kept) in this thread's buffer. */
    static short[] round(float[] x, int xOff, int n) {
        short[] s = ROUNDED.get();
        if (s.length < n) ROUNDED.set(s = new short[n]);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) {
            IntVector rounded = rounded(FloatVector.fromArray(F, x, xOff + i)).lanewise(VectorOperators.LSHR, 16);
            ((ShortVector) rounded.convertShape(VectorOperators.I2S, S, 0)).intoArray(s, i);
        }
        for (; i < n; i++) s[i] = HalfFloats.f32ToBf16(x[xOff + i]);
        return s;
    }

    private static final ThreadLocal<float[]> ROUNDED_FLOATS = ThreadLocal.withInitial(() -> new float[0]);

    /**
     * k inputs x[xOff + s·ldx, +n) rounded to bfloat16 as {@link #round} rounds them, kept as floats
     * (exactly the bfloat16 values), one after another in this thread's buffer (n a multiple of 16):
     * for kernels that multiply several inputs by one unpacked block and read them as floats.
     */
    static float[] roundAsFloats(float[] x, int xOff, int ldx, int k, int n) {
        float[] f = ROUNDED_FLOATS.get();
        if (f.length < k * n) ROUNDED_FLOATS.set(f = new float[k * n]);
        for (int s = 0; s < k; s++) {
            System.arraycopy(x, xOff + s * ldx, f, s * n, n);
            roundInPlace(f, s * n, n);
        }
        return f;
    }

    /** f[at, at + n) rounded to bfloat16 in place, kept as floats (n a multiple of 16). */
    static void roundInPlace(float[] f, int at, int n) {
        for (int i = 0; i < n; i += L) rounded(FloatVector.fromArray(F, f, at + i)).reinterpretAsFloats().intoArray(f, at + i);
    }

    /** Each lane's bfloat16 bits in its high half, the low half zero (as {@link HalfFloats#f32ToBf16}). */
    static IntVector rounded(FloatVector v) {
        IntVector bits = v.reinterpretAsInts(), high = bits.lanewise(VectorOperators.LSHR, 16);
        IntVector rounded = bits.add(high.and(1)).add(0x7FFF).and(0xFFFF0000);
        VectorMask<Integer> nan = v.test(VectorOperators.IS_NAN).cast(bits.species());
        return rounded.blend(bits.and(0xFFFF0000).or(0x00400000), nan);
    }
}
