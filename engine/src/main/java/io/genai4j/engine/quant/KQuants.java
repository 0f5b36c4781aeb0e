package io.genai4j.engine.quant;

/**
 * ggml's k-quant super-blocks of 256 elements (ggml-quants.c, dequantize_row_q{4,5,6}_K).
 * <pre>
 *   Q4_K  d:f16 dmin:f16 scales:u8[12] qs:u8[128]               8 sub-blocks of 32: x = d·sc·q − dmin·m
 *   Q5_K  d:f16 dmin:f16 scales:u8[12] qh:u8[32] qs:u8[128]     as Q4_K with a fifth bit per quant from qh
 *   Q6_K  ql:u8[128] qh:u8[64] scales:i8[16] d:f16              16 sub-blocks of 16: x = d·sc·(q − 32), q 6-bit
 * </pre>
 * Q4_K/Q5_K pack eight 6-bit scales and eight 6-bit mins in 12 bytes ({@link #scaleMin}). Quants are
 * laid out in chunks of 64 elements: the low nibbles of 32 bytes are elements 0..31, the high
 * nibbles elements 32..63.
 */
final class KQuants {
    private KQuants() {}

    static final int QK_K = 256;

    /**
     * Scale (low 16 bits) and min (high 16 bits) of sub-block j (ggml's get_scale_min_k4): bytes 0-3
     * hold scales 0-3, bytes 4-7 mins 0-3 (6 bits each); sub-blocks 4-7 take their low 4 bits from
     * the nibbles of bytes 8-11 and their top 2 bits from the spare top bits of bytes 0-7.
     */
    static int scaleMin(byte[] b, int s, int j) {
        int sc, m;
        if (j < 4) {
            sc = b[s + j] & 63;
            m = b[s + j + 4] & 63;
        } else {
            sc = (b[s + j + 4] & 0x0F) | ((b[s + j - 4] & 0xFF) >> 6) << 4;
            m = ((b[s + j + 4] & 0xFF) >> 4) | ((b[s + j] & 0xFF) >> 6) << 4;
        }
        return sc | m << 16;
    }

    static void q4_K(byte[] b, int o, float[] y, int yo) {
        float d = LegacyQuants.f16(b, o), min = LegacyQuants.f16(b, o + 2);
        int scales = o + 4, q = o + 16;
        for (int j = 0, is = 0; j < QK_K; j += 64, is += 2, q += 32) {
            int sm1 = scaleMin(b, scales, is), sm2 = scaleMin(b, scales, is + 1);
            float d1 = d * (sm1 & 0xFFFF), m1 = min * (sm1 >>> 16);
            float d2 = d * (sm2 & 0xFFFF), m2 = min * (sm2 >>> 16);
            for (int l = 0; l < 32; l++) y[yo + j + l] = d1 * (b[q + l] & 0x0F) - m1;
            for (int l = 0; l < 32; l++) y[yo + j + 32 + l] = d2 * ((b[q + l] & 0xFF) >> 4) - m2;
        }
    }

    static void q5_K(byte[] b, int o, float[] y, int yo) {
        float d = LegacyQuants.f16(b, o), min = LegacyQuants.f16(b, o + 2);
        int scales = o + 4, qh = o + 16, ql = o + 48;
        int u1 = 1, u2 = 2;   // the qh bit of the low-nibble and high-nibble halves of this chunk
        for (int j = 0, is = 0; j < QK_K; j += 64, is += 2, ql += 32, u1 <<= 2, u2 <<= 2) {
            int sm1 = scaleMin(b, scales, is), sm2 = scaleMin(b, scales, is + 1);
            float d1 = d * (sm1 & 0xFFFF), m1 = min * (sm1 >>> 16);
            float d2 = d * (sm2 & 0xFFFF), m2 = min * (sm2 >>> 16);
            for (int l = 0; l < 32; l++) {
                y[yo + j + l] = d1 * ((b[ql + l] & 0x0F) + ((b[qh + l] & u1) != 0 ? 16 : 0)) - m1;
            }
            for (int l = 0; l < 32; l++) {
                y[yo + j + 32 + l] = d2 * (((b[ql + l] & 0xFF) >> 4) + ((b[qh + l] & u2) != 0 ? 16 : 0)) - m2;
            }
        }
    }

    static void q6_K(byte[] b, int o, float[] y, int yo) {
        float d = LegacyQuants.f16(b, o + 208);
        int ql = o, qh = o + 128, sc = o + 192;
        // Two halves of 128 elements; in each, byte l of ql/qh serves elements l, l+32, l+64, l+96.
        for (int n = 0; n < QK_K; n += 128, ql += 64, qh += 32, sc += 8) {
            for (int l = 0; l < 32; l++) {
                int is = l / 16;
                int h = b[qh + l] & 0xFF;
                int q1 = ((b[ql + l] & 0x0F) | (h & 3) << 4) - 32;
                int q2 = ((b[ql + l + 32] & 0x0F) | (h >> 2 & 3) << 4) - 32;
                int q3 = (((b[ql + l] & 0xFF) >> 4) | (h >> 4 & 3) << 4) - 32;
                int q4 = (((b[ql + l + 32] & 0xFF) >> 4) | (h >> 6 & 3) << 4) - 32;
                y[yo + n + l] = d * b[sc + is] * q1;
                y[yo + n + l + 32] = d * b[sc + is + 2] * q2;
                y[yo + n + l + 64] = d * b[sc + is + 4] * q3;
                y[yo + n + l + 96] = d * b[sc + is + 6] * q4;
            }
        }
    }
}
