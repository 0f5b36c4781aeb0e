package io.genai4j.engine.quant;

/**
 * ggml's original block formats, 32 elements per block, as defined in ggml-quants.c. Element j of a
 * block is stored in nibble/byte j for the first half and in the high nibble of byte j for the
 * second half (element j + 16), which is why the loops below write y[j] and y[j + 16] together.
 * <pre>
 *   Q8_0  d:f16  qs:int8[32]                 x = d·q
 *   Q4_0  d:f16  qs:u8[16]                   x = d·(q − 8)          q 4-bit
 *   Q4_1  d:f16  m:f16  qs:u8[16]            x = d·q + m            q 4-bit
 *   Q5_0  d:f16  qh:u32  qs:u8[16]           x = d·(q − 16)         q 5-bit, bit 4 from qh
 *   Q5_1  d:f16  m:f16  qh:u32  qs:u8[16]    x = d·q + m            q 5-bit
 * </pre>
 * Arithmetic is float, in ggml's order, so results are bit-identical to ggml's reference code.
 */
final class LegacyQuants {
    private LegacyQuants() {}

    static final int QK = 32;

    static float f16(byte[] b, int o) {
        return Float.float16ToFloat((short) ((b[o] & 0xFF) | (b[o + 1] << 8)));
    }

    static int u32(byte[] b, int o) {
        return (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8 | (b[o + 2] & 0xFF) << 16 | (b[o + 3] & 0xFF) << 24;
    }

    static void q8_0(byte[] b, int o, float[] y, int yo) {
        float d = f16(b, o);
        for (int j = 0; j < QK; j++) y[yo + j] = b[o + 2 + j] * d;
    }

    static void q4_0(byte[] b, int o, float[] y, int yo) {
        float d = f16(b, o);
        for (int j = 0; j < QK / 2; j++) {
            int q = b[o + 2 + j] & 0xFF;
            y[yo + j] = ((q & 0x0F) - 8) * d;
            y[yo + j + QK / 2] = ((q >> 4) - 8) * d;
        }
    }

    static void q4_1(byte[] b, int o, float[] y, int yo) {
        float d = f16(b, o), m = f16(b, o + 2);
        for (int j = 0; j < QK / 2; j++) {
            int q = b[o + 4 + j] & 0xFF;
            y[yo + j] = (q & 0x0F) * d + m;
            y[yo + j + QK / 2] = (q >> 4) * d + m;
        }
    }

    static void q5_0(byte[] b, int o, float[] y, int yo) {
        float d = f16(b, o);
        int qh = u32(b, o + 2);
        for (int j = 0; j < QK / 2; j++) {
            int q = b[o + 6 + j] & 0xFF;
            int xh0 = ((qh >>> j) << 4) & 0x10;       // bit j     → fifth bit of element j
            int xh1 = (qh >>> (j + 12)) & 0x10;       // bit j+16  → fifth bit of element j+16
            y[yo + j] = ((q & 0x0F | xh0) - 16) * d;
            y[yo + j + QK / 2] = ((q >> 4 | xh1) - 16) * d;
        }
    }

    static void q5_1(byte[] b, int o, float[] y, int yo) {
        float d = f16(b, o), m = f16(b, o + 2);
        int qh = u32(b, o + 4);
        for (int j = 0; j < QK / 2; j++) {
            int q = b[o + 8 + j] & 0xFF;
            int xh0 = ((qh >>> j) << 4) & 0x10;
            int xh1 = (qh >>> (j + 12)) & 0x10;
            y[yo + j] = (q & 0x0F | xh0) * d + m;
            y[yo + j + QK / 2] = (q >> 4 | xh1) * d + m;
        }
    }

    // ------------------------------------------------------------------ reference quantizers
    // ggml's quantize_row_*_ref: deterministic, what llama.cpp's quantize writes without an imatrix.

    /** C's roundf: halves away from zero. */
    static int roundf(float v) {
        return (int) (v < 0 ? -Math.floor(-v + 0.5f) : Math.floor(v + 0.5f));
    }

    static void putF16(byte[] b, int o, float v) {
        short h = Float.floatToFloat16(v);
        b[o] = (byte) h;
        b[o + 1] = (byte) (h >> 8);
    }

    /** d = max|x|/127,  q = round(x/d). */
    static void quantQ8_0(float[] x, int xo, byte[] b, int o) {
        float amax = 0;
        for (int j = 0; j < QK; j++) amax = Math.max(amax, Math.abs(x[xo + j]));
        float d = amax / 127f, id = d != 0 ? 1f / d : 0f;
        putF16(b, o, d);
        for (int j = 0; j < QK; j++) b[o + 2 + j] = (byte) roundf(x[xo + j] * id);
    }

    /** d = (value of largest magnitude)/−8,  q = min(15, trunc(x/d + 8.5)). */
    static void quantQ4_0(float[] x, int xo, byte[] b, int o) {
        float amax = 0, max = 0;
        for (int j = 0; j < QK; j++) {
            float v = x[xo + j];
            if (amax < Math.abs(v)) {
                amax = Math.abs(v);
                max = v;
            }
        }
        float d = max / -8f, id = d != 0 ? 1f / d : 0f;
        putF16(b, o, d);
        for (int j = 0; j < QK / 2; j++) {
            int q0 = Math.min(15, (byte) (int) (x[xo + j] * id + 8.5f));
            int q1 = Math.min(15, (byte) (int) (x[xo + j + QK / 2] * id + 8.5f));
            b[o + 2 + j] = (byte) (q0 | q1 << 4);
        }
    }

    /** d = (max − min)/15, m = min,  q = min(15, trunc((x − min)/d + 0.5)). */
    static void quantQ4_1(float[] x, int xo, byte[] b, int o) {
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        for (int j = 0; j < QK; j++) {
            min = Math.min(min, x[xo + j]);
            max = Math.max(max, x[xo + j]);
        }
        float d = (max - min) / 15f, id = d != 0 ? 1f / d : 0f;
        putF16(b, o, d);
        putF16(b, o + 2, min);
        for (int j = 0; j < QK / 2; j++) {
            int q0 = Math.min(15, (byte) (int) ((x[xo + j] - min) * id + 0.5f));
            int q1 = Math.min(15, (byte) (int) ((x[xo + j + QK / 2] - min) * id + 0.5f));
            b[o + 4 + j] = (byte) (q0 | q1 << 4);
        }
    }
}
