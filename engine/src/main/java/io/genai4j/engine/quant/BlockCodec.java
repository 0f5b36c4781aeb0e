package io.genai4j.engine.quant;

import io.genai4j.engine.DType;

/**
 * Rows of any weight dtype to floats and back, on byte arrays holding little-endian data. A row
 * of n elements of a block type is n / blockSize whole blocks. Decoding is exact (ggml's own
 * formulas, in float); encoding F32/F16/BF16 is exact or round-to-nearest-even, and the
 * Q8_0/Q4_0/Q4_1 encoders are ggml's reference quantizers.
 */
public final class BlockCodec {
    private BlockCodec() {}

    /** Decodes n elements stored in src from byte srcOff into dst[dstOff, dstOff + n). */
    public static void decode(DType t, byte[] src, int srcOff, float[] dst, int dstOff, int n) {
        checkWhole(t, n);
        switch (t) {
            case F32 -> {
                for (int i = 0; i < n; i++) dst[dstOff + i] = Float.intBitsToFloat(LegacyQuants.u32(src, srcOff + 4 * i));
            }
            case F16 -> {
                for (int i = 0; i < n; i++) dst[dstOff + i] = LegacyQuants.f16(src, srcOff + 2 * i);
            }
            case BF16 -> {
                for (int i = 0; i < n; i++) {
                    dst[dstOff + i] = Float.intBitsToFloat(((src[srcOff + 2 * i] & 0xFF) | (src[srcOff + 2 * i + 1] & 0xFF) << 8) << 16);
                }
            }
            case Q8_0, Q4_0, Q4_1, Q5_0, Q5_1, Q4_K, Q5_K, Q6_K -> {
                int bs = t.blockSize(), bb = t.blockBytes();
                for (int k = 0; k < n / bs; k++) block(t, src, srcOff + k * bb, dst, dstOff + k * bs);
            }
            default -> throw new IllegalArgumentException("cannot decode " + t + " weights (supported: F32, F16, BF16, Q8_0, Q4_0, Q4_1, Q5_0, Q5_1, Q4_K, Q5_K, Q6_K)");
        }
    }

    private static void block(DType t, byte[] b, int o, float[] y, int yo) {
        switch (t) {
            case Q8_0 -> LegacyQuants.q8_0(b, o, y, yo);
            case Q4_0 -> LegacyQuants.q4_0(b, o, y, yo);
            case Q4_1 -> LegacyQuants.q4_1(b, o, y, yo);
            case Q5_0 -> LegacyQuants.q5_0(b, o, y, yo);
            case Q5_1 -> LegacyQuants.q5_1(b, o, y, yo);
            case Q4_K -> KQuants.q4_K(b, o, y, yo);
            case Q5_K -> KQuants.q5_K(b, o, y, yo);
            case Q6_K -> KQuants.q6_K(b, o, y, yo);
            default -> throw new AssertionError(t);
        }
    }

    /** True for the dtypes {@link #encode} can write. */
    public static boolean canEncode(DType t) {
        return t == DType.F32 || t == DType.F16 || t == DType.BF16 || t == DType.Q8_0 || t == DType.Q4_0 || t == DType.Q4_1;
    }

    /** Encodes x[xOff, xOff + n) as t into dst from byte dstOff (t.bytesFor(n) bytes). */
    public static void encode(DType t, float[] x, int xOff, int n, byte[] dst, int dstOff) {
        checkWhole(t, n);
        switch (t) {
            case F32 -> {
                for (int i = 0; i < n; i++) {
                    int bits = Float.floatToRawIntBits(x[xOff + i]);
                    for (int k = 0; k < 4; k++) dst[dstOff + 4 * i + k] = (byte) (bits >> 8 * k);
                }
            }
            case F16 -> {
                for (int i = 0; i < n; i++) LegacyQuants.putF16(dst, dstOff + 2 * i, x[xOff + i]);
            }
            case BF16 -> {
                for (int i = 0; i < n; i++) {
                    short h = HalfFloats.f32ToBf16(x[xOff + i]);
                    dst[dstOff + 2 * i] = (byte) h;
                    dst[dstOff + 2 * i + 1] = (byte) (h >> 8);
                }
            }
            case Q8_0, Q4_0, Q4_1 -> {
                int bs = t.blockSize(), bb = t.blockBytes();
                for (int k = 0; k < n / bs; k++) {
                    int xo = xOff + k * bs, o = dstOff + k * bb;
                    switch (t) {
                        case Q8_0 -> LegacyQuants.quantQ8_0(x, xo, dst, o);
                        case Q4_0 -> LegacyQuants.quantQ4_0(x, xo, dst, o);
                        default -> LegacyQuants.quantQ4_1(x, xo, dst, o);
                    }
                }
            }
            default -> throw new IllegalArgumentException("cannot encode weights as " + t + " (supported: F32, F16, BF16, Q8_0, Q4_0, Q4_1)");
        }
    }

    /** Encodes a whole [rows, cols] matrix given row-major, row by row. */
    public static byte[] encodeRows(DType t, float[] x, int rows, int cols) {
        long rowBytes = t.bytesFor(cols);
        long total = rowBytes * rows;
        if (total > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("matrix of " + total + " bytes is too large to encode in memory");
        byte[] out = new byte[(int) total];
        for (int r = 0; r < rows; r++) encode(t, x, r * cols, cols, out, (int) (r * rowBytes));
        return out;
    }

    private static void checkWhole(DType t, int n) {
        if (n % t.blockSize() != 0) {
            throw new IllegalArgumentException("a row of " + n + " elements is not a whole number of " + t + " blocks of " + t.blockSize());
        }
    }
}
