package io.genai4j.engine.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.genai4j.engine.DType;
import io.genai4j.engine.Rng;
import io.genai4j.engine.Storage;
import io.genai4j.engine.Tensor;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/**
 * Each block format decoded from blocks built by hand, byte by byte, against values worked out from
 * ggml's definitions (not from the decoder under test).
 */
class BlockCodecTest {

    private static void f16(byte[] b, int o, float v) {
        short h = Float.floatToFloat16(v);
        b[o] = (byte) h;
        b[o + 1] = (byte) (h >> 8);
    }

    private static float[] decode(DType t, byte[] b, int n) {
        float[] y = new float[n];
        BlockCodec.decode(t, b, 0, y, 0, n);
        return y;
    }

    @Test
    void q8_0() {
        byte[] b = new byte[34];
        f16(b, 0, 0.5f);
        for (int j = 0; j < 32; j++) b[2 + j] = (byte) (j - 16);
        float[] y = decode(DType.Q8_0, b, 32);
        for (int j = 0; j < 32; j++) assertEquals(0.5f * (j - 16), y[j]);
    }

    @Test
    void q4_0() {
        byte[] b = new byte[18];
        f16(b, 0, 2f);
        // byte j: low nibble = element j, high nibble = element j+16
        for (int j = 0; j < 16; j++) b[2 + j] = (byte) (j | (15 - j) << 4);
        float[] y = decode(DType.Q4_0, b, 32);
        for (int j = 0; j < 16; j++) {
            assertEquals(2f * (j - 8), y[j]);
            assertEquals(2f * (15 - j - 8), y[j + 16]);
        }
    }

    @Test
    void q4_1() {
        byte[] b = new byte[20];
        f16(b, 0, 0.25f);
        f16(b, 2, -1f);
        for (int j = 0; j < 16; j++) b[4 + j] = (byte) (3 | 12 << 4);
        float[] y = decode(DType.Q4_1, b, 32);
        for (int j = 0; j < 16; j++) {
            assertEquals(0.25f * 3 - 1f, y[j]);
            assertEquals(0.25f * 12 - 1f, y[j + 16]);
        }
    }

    @Test
    void q5_0AndQ5_1TakeTheFifthBitFromQh() {
        byte[] b = new byte[22];
        f16(b, 0, 1f);
        int qh = 0b1 | 1 << 16 | 1 << 31;   // elements 0, 16 and 31 have the fifth bit
        for (int k = 0; k < 4; k++) b[2 + k] = (byte) (qh >> 8 * k);
        for (int j = 0; j < 16; j++) b[6 + j] = (byte) (1 | 2 << 4);
        float[] y = decode(DType.Q5_0, b, 32);
        assertEquals(1 + 16 - 16, y[0]);
        assertEquals(1 - 16, y[1]);
        assertEquals(2 + 16 - 16, y[16]);
        assertEquals(2 - 16, y[17]);
        assertEquals(2 + 16 - 16, y[31]);

        byte[] c = new byte[24];
        f16(c, 0, 0.5f);
        f16(c, 2, 3f);
        for (int k = 0; k < 4; k++) c[4 + k] = (byte) (qh >> 8 * k);
        for (int j = 0; j < 16; j++) c[8 + j] = (byte) (1 | 2 << 4);
        float[] z = decode(DType.Q5_1, c, 32);
        assertEquals(0.5f * 17 + 3f, z[0]);
        assertEquals(0.5f * 1 + 3f, z[1]);
        assertEquals(0.5f * 18 + 3f, z[16]);
    }

    /** The 12-byte packing of eight 6-bit scales and mins used by Q4_K and Q5_K. */
    private static byte[] packScales(int[] sc, int[] m) {
        byte[] s = new byte[12];
        for (int j = 0; j < 4; j++) {
            s[j] = (byte) (sc[j] & 63 | (sc[j + 4] >> 4) << 6);
            s[j + 4] = (byte) (m[j] & 63 | (m[j + 4] >> 4) << 6);
            s[j + 8] = (byte) (sc[j + 4] & 15 | (m[j + 4] & 15) << 4);
        }
        return s;
    }

    @Test
    void q4_K() {
        int[] sc = {1, 2, 3, 63, 17, 33, 48, 62}, m = {0, 5, 63, 7, 16, 50, 1, 40};
        byte[] b = new byte[144];
        f16(b, 0, 0.5f);
        f16(b, 2, 0.125f);
        System.arraycopy(packScales(sc, m), 0, b, 4, 12);
        // quants: element e of chunk c (64 each) is byte 16 + 32c + (e % 32), low nibble if e < 32
        int[] q = new int[256];
        for (int e = 0; e < 256; e++) q[e] = (e * 7 + 3) & 15;
        for (int c = 0; c < 4; c++) {
            for (int l = 0; l < 32; l++) b[16 + 32 * c + l] = (byte) (q[64 * c + l] | q[64 * c + 32 + l] << 4);
        }
        float[] y = decode(DType.Q4_K, b, 256);
        for (int e = 0; e < 256; e++) {
            int sub = e / 32;
            assertEquals(0.5f * sc[sub] * q[e] - 0.125f * m[sub], y[e], 0f, "element " + e);
        }
    }

    @Test
    void q5_K() {
        int[] sc = {9, 2, 63, 1, 40, 0, 31, 32}, m = {3, 0, 62, 1, 15, 63, 8, 33};
        byte[] b = new byte[176];
        f16(b, 0, 0.25f);
        f16(b, 2, 0.5f);
        System.arraycopy(packScales(sc, m), 0, b, 4, 12);
        int[] q = new int[256];
        for (int e = 0; e < 256; e++) q[e] = (e * 11 + 5) & 31;
        // fifth bits: element 64c + l uses bit 2c of qh[l], element 64c + 32 + l bit 2c+1
        for (int c = 0; c < 4; c++) {
            for (int l = 0; l < 32; l++) {
                int lo = q[64 * c + l], hi = q[64 * c + 32 + l];
                b[48 + 32 * c + l] = (byte) ((lo & 15) | (hi & 15) << 4);
                b[16 + l] |= (byte) ((lo >> 4) << (2 * c) | (hi >> 4) << (2 * c + 1));
            }
        }
        float[] y = decode(DType.Q5_K, b, 256);
        for (int e = 0; e < 256; e++) {
            int sub = e / 32;
            assertEquals(0.25f * sc[sub] * q[e] - 0.5f * m[sub], y[e], 0f, "element " + e);
        }
    }

    @Test
    void q6_K() {
        byte[] b = new byte[210];
        int[] sc = new int[16];
        for (int i = 0; i < 16; i++) sc[i] = (i * 13) % 40 - 20;   // int8 scales, some negative
        int[] q = new int[256];
        for (int e = 0; e < 256; e++) q[e] = (e * 29 + 7) & 63;
        // half h (128 elements): ql bytes 64h..64h+63, qh bytes 128+32h.., scales 8h..8h+7
        for (int h = 0; h < 2; h++) {
            for (int l = 0; l < 32; l++) {
                int q1 = q[128 * h + l], q2 = q[128 * h + l + 32], q3 = q[128 * h + l + 64], q4 = q[128 * h + l + 96];
                b[64 * h + l] = (byte) ((q1 & 15) | (q3 & 15) << 4);
                b[64 * h + l + 32] = (byte) ((q2 & 15) | (q4 & 15) << 4);
                b[128 + 32 * h + l] = (byte) ((q1 >> 4) | (q2 >> 4) << 2 | (q3 >> 4) << 4 | (q4 >> 4) << 6);
            }
        }
        for (int i = 0; i < 16; i++) b[192 + i] = (byte) sc[i];
        f16(b, 208, 0.0625f);
        float[] y = decode(DType.Q6_K, b, 256);
        for (int e = 0; e < 256; e++) {
            int sub = e / 16;   // sub-blocks of 16 elements
            assertEquals(0.0625f * sc[sub] * (q[e] - 32), y[e], 0f, "element " + e);
        }
    }

    @Test
    void referenceQuantizersRoundTripWithinHalfAStep() {
        Rng rng = new Rng(3);
        float[] x = new float[256];
        for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextGaussian();
        for (DType t : new DType[] {DType.Q8_0, DType.Q4_0, DType.Q4_1, DType.F16, DType.BF16, DType.F32}) {
            byte[] enc = new byte[(int) t.bytesFor(256)];
            BlockCodec.encode(t, x, 0, 256, enc, 0);
            float[] y = decode(t, enc, 256);
            float tol = switch (t) {
                case Q8_0 -> 3f / 127 * 0.51f + 1e-3f;
                case Q4_0, Q4_1 -> 4f / 7 * 0.6f;
                case F16 -> 2e-3f;
                case BF16 -> 2e-2f;
                default -> 0f;
            };
            for (int i = 0; i < 256; i++) assertEquals(x[i], y[i], tol, t + " element " + i);
        }
        // Q8_0 of a block whose largest value is 127 reproduces integers exactly.
        float[] ints = new float[32];
        for (int i = 0; i < 32; i++) ints[i] = i * 4 - 1 - (i == 31 ? 0 : 0);
        ints[0] = 127;
        byte[] enc = new byte[34];
        BlockCodec.encode(DType.Q8_0, ints, 0, 32, enc, 0);
        assertArrayEquals(ints, decode(DType.Q8_0, enc, 32));
    }

    @Test
    void quantizedWeightMatmulMatchesDequantizedDense() {
        Rng rng = new Rng(7);
        int out = 70, in = 64, t = 5;
        float[] w = new float[out * in];
        for (int i = 0; i < w.length; i++) w[i] = (float) rng.nextGaussian();
        byte[] q = BlockCodec.encodeRows(DType.Q4_1, w, out, in);
        Tensor wq = new Tensor(new Storage.Segment(MemorySegment.ofArray(q), DType.Q4_1), new int[] {out, in}, new int[] {in, 1}, 0);
        Tensor dense = wq.to(DType.F32);
        Tensor x = Tensor.randn(rng, 1, t, in);
        float[] expected = x.matmul(dense.mT()).toArray();
        float[] actual = x.matmul(wq.mT()).toArray();
        assertArrayEquals(expected, actual, 1e-4f);
        // Embedding rows from the quantized table equal the dense rows.
        Tensor rows = io.genai4j.engine.ops.F.embedding(wq, new int[] {3, 69}, 2);
        assertArrayEquals(dense.select(0, 69).toArray(), rows.select(0, 1).toArray());
        assertThrows(IllegalArgumentException.class, () -> x.matmul(wq));
    }

    @Test
    void gradientFlowsThroughAFrozenQuantizedWeight() {
        Rng rng = new Rng(9);
        int out = 40, in = 32;
        float[] w = new float[out * in];
        for (int i = 0; i < w.length; i++) w[i] = (float) rng.nextGaussian();
        byte[] q = BlockCodec.encodeRows(DType.Q8_0, w, out, in);
        Tensor wq = new Tensor(new Storage.Segment(MemorySegment.ofArray(q), DType.Q8_0), new int[] {out, in}, new int[] {in, 1}, 0);
        Tensor dense = wq.to(DType.F32);
        Tensor x1 = Tensor.randn(rng, 3, in).requiresGrad(true);
        Tensor x2 = Tensor.of(x1.toArray(), 3, in).requiresGrad(true);
        x1.matmul(wq.mT()).sum().backward();
        x2.matmul(dense.mT()).sum().backward();
        assertArrayEquals(x2.grad().toArray(), x1.grad().toArray(), 1e-4f);
    }
}
