package io.genai4j.engine.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Every row kernel against the scalar reference ({@link BlockCodec}, ggml's formulas) on random
 * blocks: decoding must give the same bits, dot products the reference's value within float
 * rounding. Rows sit in native memory at odd offsets, as tensors do inside a mapped GGUF file.
 */
class RowKernelTest {

    static final DType[] FORMATS = {DType.F32, DType.F16, DType.BF16, DType.Q8_0, DType.Q4_0, DType.Q4_1, DType.Q5_0, DType.Q5_1,
            DType.Q4_K, DType.Q5_K, DType.Q6_K};

    /** Random bytes for n elements of t, with every f16 block scale set to a finite value. */
    static byte[] randomRow(DType t, int n, Random r) {
        byte[] b = new byte[(int) t.bytesFor(n)];
        r.nextBytes(b);
        switch (t) {
            case F32 -> {
                for (int i = 0; i < n; i++) putF32(b, 4 * i, (float) r.nextGaussian());
            }
            case F16 -> {
                for (int i = 0; i < n; i++) putF16(b, 2 * i, (float) r.nextGaussian());
            }
            case BF16 -> {
                for (int i = 0; i < n; i++) {
                    int bits = Float.floatToRawIntBits((float) r.nextGaussian()) >>> 16;
                    b[2 * i] = (byte) bits;
                    b[2 * i + 1] = (byte) (bits >> 8);
                }
            }
            case Q8_0, Q4_0, Q5_0 -> {
                for (int k = 0; k < n / 32; k++) putF16(b, k * t.blockBytes(), scale(r));
            }
            case Q4_1, Q5_1 -> {
                for (int k = 0; k < n / 32; k++) {
                    putF16(b, k * t.blockBytes(), scale(r));
                    putF16(b, k * t.blockBytes() + 2, -scale(r));
                }
            }
            case Q4_K, Q5_K -> {
                for (int k = 0; k < n / 256; k++) {
                    putF16(b, k * t.blockBytes(), scale(r));
                    putF16(b, k * t.blockBytes() + 2, scale(r));
                }
            }
            case Q6_K -> {
                for (int k = 0; k < n / 256; k++) putF16(b, k * t.blockBytes() + 208, scale(r));
            }
            default -> throw new AssertionError(t);
        }
        return b;
    }

    private static float scale(Random r) {
        return (float) (0.001 + 0.05 * r.nextDouble());
    }

    static void putF16(byte[] b, int o, float v) {
        short h = Float.floatToFloat16(v);
        b[o] = (byte) h;
        b[o + 1] = (byte) (h >> 8);
    }

    static void putF32(byte[] b, int o, float v) {
        int bits = Float.floatToRawIntBits(v);
        for (int k = 0; k < 4; k++) b[o + k] = (byte) (bits >> 8 * k);
    }

    /** The bytes in native memory, starting 3 bytes into the segment (mapped tensors are not aligned to vectors). */
    static MemorySegment nativeCopy(Arena arena, byte[] b) {
        MemorySegment s = arena.allocate(b.length + 3, 64);
        MemorySegment.copy(b, 0, s, ValueLayout.JAVA_BYTE, 3, b.length);
        return s;
    }

    static int[] lengths(DType t) {
        return t.blockSize() == 256 ? new int[] {256, 512, 2048} : t.isQuantized() ? new int[] {32, 64, 96, 2048} : new int[] {1, 15, 16, 17, 63, 64, 100, 2048};
    }

    @ParameterizedTest
    @EnumSource(names = {"F32", "F16", "BF16", "Q8_0", "Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q4_K", "Q5_K", "Q6_K"})
    void decodeGivesTheReferenceBitsAndDotItsSum(DType t) {
        checkAgainstReference(t, RowKernel.of(t));
    }

    /** Both Q4_K and both Q6_K kernels, whichever this machine picks (the 512-bit ones run, slowly, on narrower vectors too). */
    @Test
    void bothKQuantKernelsMatchTheReference() {
        checkAgainstReference(DType.Q4_K, Q4KRows.INSTANCE);
        checkAgainstReference(DType.Q4_K, Q4KWideRows.INSTANCE);
        checkAgainstReference(DType.Q6_K, Q6KRows.INSTANCE);
        checkAgainstReference(DType.Q6_K, Q6KWideRows.INSTANCE);
    }

    /**
     * The long-row kernels round x to bfloat16: their dot products stay within 2⁻⁹·Σ|w·x| (the
     * rounding bound) of the exact sum, and equal the float kernels' bits on x that is already bfloat16.
     */
    @Test
    void longRowKernelsAreWithinTheBf16BoundAndExactOnBf16Inputs() {
        checkLongRows(DType.Q4_0, Q4_0Rows.INSTANCE, Q4_0LongRows.INSTANCE, new int[] {4128, 8192});
        checkLongRows(DType.Q4_K, Q4KWideRows.INSTANCE, Q4KWideRows.LONG, new int[] {4352, 8192});
    }

    private static void checkLongRows(DType t, RowKernel exactKernel, RowKernel longKernel, int[] lengths) {
        Random r = new Random(5);
        try (Arena arena = Arena.ofConfined()) {
            for (int n : lengths) {
                byte[] row = randomRow(t, n, r);
                float[] w = new float[n];
                BlockCodec.decode(t, row, 0, w, 0, n);
                MemorySegment seg = nativeCopy(arena, row);
                float[] x = new float[n + 5], xb = new float[n + 5];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) r.nextGaussian();
                    xb[i] = io.genai4j.engine.quant.HalfFloats.bf16ToF32(io.genai4j.engine.quant.HalfFloats.f32ToBf16(x[i]));
                }
                double exact = 0, magnitude = 0;
                for (int i = 0; i < n; i++) {
                    exact += (double) w[i] * x[i + 5];
                    magnitude += Math.abs((double) w[i] * x[i + 5]);
                }
                float dot = longKernel.dot(seg, 3, x, 5, n);
                assertTrue(Math.abs(dot - exact) <= (0x1p-9 + 1e-5) * magnitude, t + " n=" + n + ": dot " + dot + " vs " + exact);
                // Same loop, same operations: on x that bfloat16 holds exactly the two kernels agree up to the
                // order in which the lanes of the last vector are added — C2's reduction intrinsic or, where it
                // left the vectors boxed, the lane-order fallback (see Jit) — far below the bfloat16 bound above.
                Jit.warm(() -> {
                    exactKernel.dot(seg, 3, xb, 5, n);
                    longKernel.dot(seg, 3, xb, 5, n);
                });
                float a = exactKernel.dot(seg, 3, xb, 5, n), b = longKernel.dot(seg, 3, xb, 5, n);
                assertTrue(Math.abs(a - b) <= 1e-5 * magnitude, t + " n=" + n + " on bfloat16 x: " + a + " vs " + b);
            }
        }
    }

    @Test
    void bf16RoundingMatchesTheScalarConversion() {
        Random r = new Random(9);
        int n = 1000;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = Float.intBitsToFloat(r.nextInt());
        x[0] = Float.NaN;
        x[1] = Float.intBitsToFloat(0x7FFFFFFF);
        x[2] = Float.POSITIVE_INFINITY;
        x[3] = Float.MAX_VALUE;
        x[4] = Float.intBitsToFloat(0x3F808000);   // half-way: rounds to even (down)
        x[5] = Float.intBitsToFloat(0x3F818000);   // half-way: rounds to even (up)
        short[] got = Bf16Activations.round(x, 0, n);
        for (int i = 0; i < n; i++) {
            assertEquals(io.genai4j.engine.quant.HalfFloats.f32ToBf16(x[i]), got[i], "element " + i + " (" + x[i] + ")");
        }
    }

    private static void checkAgainstReference(DType t, RowKernel k) {
        Random r = new Random(t.ordinal());
        try (Arena arena = Arena.ofConfined()) {
            for (int n : lengths(t)) {
                for (int rep = 0; rep < 5; rep++) {
                    byte[] row = randomRow(t, n, r);
                    float[] ref = new float[n];
                    BlockCodec.decode(t, row, 0, ref, 0, n);
                    MemorySegment seg = nativeCopy(arena, row);
                    float[] got = new float[n + 2];
                    k.decode(seg, 3, got, 1, n);
                    for (int i = 0; i < n; i++) {
                        assertEquals(Float.floatToRawIntBits(ref[i]), Float.floatToRawIntBits(got[i + 1]), t + " n=" + n + " element " + i + ": " + ref[i] + " vs " + got[i + 1]);
                    }

                    float[] x = new float[n + 5];
                    for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
                    double exact = 0, magnitude = 0;
                    for (int i = 0; i < n; i++) {
                        exact += (double) ref[i] * x[i + 5];
                        magnitude += Math.abs((double) ref[i] * x[i + 5]);
                    }
                    float dot = k.dot(seg, 3, x, 5, n);
                    assertTrue(Math.abs(dot - exact) <= 1e-5 * magnitude + 1e-30, t + " n=" + n + ": dot " + dot + " vs " + exact);
                }
            }
        }
    }

    @Test
    void halfFloatSpecialsAndSubnormalsAreExact() {
        short[] bits = {0x0000, (short) 0x8000, 0x0001, (short) 0x8001, 0x03FF, 0x0400, 0x3C00, (short) 0xBC00, 0x7BFF, (short) 0xFBFF,
                0x7C00, (short) 0xFC00, 0x7E00, 0x7C01, (short) 0xFE00, 0x3555};
        int n = 48;
        byte[] row = new byte[2 * n];
        for (int i = 0; i < n; i++) {
            short h = bits[i % bits.length];
            row[2 * i] = (byte) h;
            row[2 * i + 1] = (byte) (h >> 8);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = nativeCopy(arena, row);
            float[] got = new float[n];
            RowKernel.of(DType.F16).decode(seg, 3, got, 0, n);
            for (int i = 0; i < n; i++) {
                float want = Float.float16ToFloat(bits[i % bits.length]);
                assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(got[i]), "half " + Integer.toHexString(bits[i % bits.length] & 0xFFFF));
            }
            float[] ones = new float[n];
            java.util.Arrays.fill(ones, 1f);
            assertTrue(Float.isNaN(RowKernel.of(DType.F16).dot(seg, 3, ones, 0, n)), "a row holding Inf and NaN sums to NaN");
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"F16", "BF16"})
    void everyHalfBitPatternDecodesExactly(DType t) {
        int n = 1 << 16;
        byte[] row = new byte[2 * n];
        for (int i = 0; i < n; i++) {
            row[2 * i] = (byte) i;
            row[2 * i + 1] = (byte) (i >> 8);
        }
        float[] ref = new float[n], got = new float[n];
        BlockCodec.decode(t, row, 0, ref, 0, n);
        try (Arena arena = Arena.ofConfined()) {
            RowKernel.of(t).decode(nativeCopy(arena, row), 3, got, 0, n);
        }
        for (int i = 0; i < n; i++) assertEquals(Float.floatToRawIntBits(ref[i]), Float.floatToRawIntBits(got[i]), t + " bits " + Integer.toHexString(i));
    }

    @Test
    void finiteHalfKernelMatchesTheReferenceAndTheScanFindsSpecials() {
        Random r = new Random(3);
        int n = 1024, rows = 3;
        byte[] all = new byte[2 * n * rows];
        for (int i = 0; i < rows; i++) System.arraycopy(randomRow(DType.F16, n, r), 0, all, 2 * n * i, 2 * n);
        // subnormals and signed zeros too
        all[2] = 0x01;
        all[3] = (byte) 0x80;
        try (Arena arena = Arena.ofShared()) {
            MemorySegment seg = nativeCopy(arena, all).asSlice(3);
            WeightMatrix m = new WeightMatrix(seg, DType.F16, rows, n, 2L * n);
            assertTrue(F16Rows.allFinite(m));
            float[] x = new float[n];
            for (int i = 0; i < n; i++) x[i] = (float) r.nextGaussian();
            for (int row = 0; row < rows; row++) {
                float[] ref = new float[n];
                BlockCodec.decode(DType.F16, all, 2 * n * row, ref, 0, n);
                double exact = 0, mag = 0;
                for (int i = 0; i < n; i++) {
                    exact += (double) ref[i] * x[i];
                    mag += Math.abs((double) ref[i] * x[i]);
                }
                float got = F16Rows.FINITE.dot(seg, 2L * n * row, x, 0, n);
                assertTrue(Math.abs(got - exact) <= 1e-5 * mag, "row " + row + ": " + got + " vs " + exact);
            }
            seg.set(java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED, 2L * (n + 517), (short) 0xFC00);   // −Inf in row 1
            assertTrue(!F16Rows.allFinite(m), "an Inf is found");
        }
    }

    @Test
    void integerQuantsComeOutExactly() {
        // With d = 1 every decoded Q8_0 / Q4_0 element is its integer quant, compared exactly.
        byte[] q8 = new byte[34];
        putF16(q8, 0, 1f);
        for (int j = 0; j < 32; j++) q8[2 + j] = (byte) (j * 8 - 128);
        byte[] q4 = new byte[18];
        putF16(q4, 0, 1f);
        for (int j = 0; j < 16; j++) q4[2 + j] = (byte) (j | (15 - j) << 4);
        try (Arena arena = Arena.ofConfined()) {
            float[] y = new float[32];
            RowKernel.of(DType.Q8_0).decode(nativeCopy(arena, q8), 3, y, 0, 32);
            for (int j = 0; j < 32; j++) assertEquals(j * 8 - 128, y[j]);
            RowKernel.of(DType.Q4_0).decode(nativeCopy(arena, q4), 3, y, 0, 32);
            for (int j = 0; j < 16; j++) {
                assertEquals(j - 8, y[j]);
                assertEquals(15 - j - 8, y[j + 16]);
            }
        }
    }
}
