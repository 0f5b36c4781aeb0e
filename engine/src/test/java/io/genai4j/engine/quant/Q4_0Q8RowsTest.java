package io.genai4j.engine.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The integer Q4_0 kernel against a scalar reference: the activation's int8 blocks as
 * quantize_row_q8_0 makes them (rounded to nearest even), each block's integer sum Σ(q − 8)·qx
 * exact, the scaled sum within float rounding of Σ_b d_w·d_x·(integer sum), and the result within the
 * int8 rounding bound of the exact dot product.
 */
class Q4_0Q8RowsTest {

    @Test
    void activationBlocksAreRoundedToNearestEvenWithScaleMaxOver127() {
        Random r = new Random(3);
        int n = 256;
        float[] x = new float[n + 3];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian() * (i < 40 ? 0.001f : 3f);
        for (int j = 0; j < 32; j++) x[3 + 64 + j] = 0f;              // an all-zero block: d = 0, q = 0
        x[3 + 96] = 127f;                                               // d = 1 exactly: ties below round to even
        x[3 + 97] = 2.5f;
        x[3 + 98] = -3.5f;
        x[3 + 99] = 0.5f;
        Q8Activations a = Q8Activations.quantize(x, 3, n);
        for (int b = 0; b < n / 32; b++) {
            float amax = 0;
            for (int j = 0; j < 32; j++) amax = Math.max(amax, Math.abs(x[3 + 32 * b + j]));
            float d = amax / 127f, id = d != 0 ? 1f / d : 0f;
            assertEquals(d, a.d[b], "block " + b);
            for (int j = 0; j < 32; j++) {
                assertEquals((short) Math.rint(x[3 + 32 * b + j] * id), a.q[32 * b + j], "block " + b + " element " + j);
            }
        }
        assertEquals(2, a.q[97]);
        assertEquals(-4, a.q[98]);
        assertEquals(0, a.q[99]);
    }

    @Test
    void dotProductsAreTheExactIntegerSumsScaledPerBlock() {
        Random r = new Random(11);
        try (Arena arena = Arena.ofConfined()) {
            for (int n : new int[] {32, 64, 96, 2048, 8192}) {
                int rows = 5;
                byte[] bytes = new byte[(int) DType.Q4_0.bytesFor((long) rows * n)];
                for (int row = 0; row < rows; row++) {
                    byte[] one = RowKernelTest.randomRow(DType.Q4_0, n, r);
                    System.arraycopy(one, 0, bytes, row * one.length, one.length);
                }
                MemorySegment seg = RowKernelTest.nativeCopy(arena, bytes);
                long rowBytes = DType.Q4_0.bytesFor(n);
                float[] x = new float[n + 5];
                for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
                float[] y = new float[rows + 2];
                Q4_0Q8Rows.INSTANCE.dotRows(seg.asSlice(3), rowBytes, 0, rows, x, 5, n, y, 2);

                Q8Activations a = Q8Activations.quantize(x, 5, n);
                for (int row = 0; row < rows; row++) {
                    int base = row * (int) rowBytes;
                    double scaled = 0, scaledMagnitude = 0, roundingBound = 0, exact = 0, exactMagnitude = 0;
                    float[] w = new float[n];
                    BlockCodec.decode(DType.Q4_0, bytes, base, w, 0, n);
                    for (int b = 0; b < n / 32; b++) {
                        int o = base + 18 * b;
                        float dw = LegacyQuants.f16(bytes, o);
                        long sum = 0;
                        double absW = 0;
                        for (int j = 0; j < 16; j++) {
                            int q = bytes[o + 2 + j] & 0xFF;
                            sum += (long) ((q & 15) - 8) * a.q[32 * b + j] + (long) ((q >> 4) - 8) * a.q[32 * b + 16 + j];
                            absW += Math.abs(dw) * (Math.abs((q & 15) - 8) + Math.abs((q >> 4) - 8));
                        }
                        // The kernel's per-block vector holds exact integers: only the scaling and the sum round.
                        scaled += (double) (dw * a.d[b]) * sum;
                        scaledMagnitude += Math.abs((double) (dw * a.d[b]) * sum);
                        roundingBound += a.d[b] / 2 * absW;
                    }
                    for (int i = 0; i < n; i++) {
                        exact += (double) w[i] * x[5 + i];
                        exactMagnitude += Math.abs((double) w[i] * x[5 + i]);
                    }
                    float got = y[2 + row];
                    assertTrue(Math.abs(got - scaled) <= 1e-5 * scaledMagnitude + 1e-30, "n=" + n + " row " + row + ": " + got + " vs " + scaled);
                    assertTrue(Math.abs(got - exact) <= roundingBound + 1e-5 * exactMagnitude, "n=" + n + " row " + row + ": " + got + " vs exact " + exact + ", bound " + roundingBound);
                    assertEquals(got, Q4_0Q8Rows.INSTANCE.dot(seg, 3 + base, x, 5, n), "dot and dotRows agree, n=" + n);
                }
            }
        }
    }

    /** Only a group prepared for Q8 activations takes the integer kernel, and only for Q4_0. */
    @Test
    void preparedGroupsTakeTheIntegerKernelOnlyWhenAsked() {
        Random r = new Random(17);
        try (Arena arena = Arena.ofShared()) {
            int n = 256, rows = 24;
            byte[] bytes = new byte[(int) DType.Q4_0.bytesFor((long) rows * n)];
            for (int row = 0; row < rows; row++) {
                byte[] one = RowKernelTest.randomRow(DType.Q4_0, n, r);
                System.arraycopy(one, 0, bytes, row * one.length, one.length);
            }
            MemorySegment seg = RowKernelTest.nativeCopy(arena, bytes).asSlice(3);
            WeightMatrix w = new WeightMatrix(seg, DType.Q4_0, rows, n, DType.Q4_0.bytesFor(n));
            float[] x = new float[n];
            for (int i = 0; i < n; i++) x[i] = (float) r.nextGaussian();
            float[] q8 = new float[rows], fl = new float[rows], intRef = new float[rows], floatRef = new float[rows];
            MatVec.prepared(MatVec.Activations.Q8, w).apply(x, 0, q8, 0);
            MatVec.prepared(w).apply(x, 0, fl, 0);
            Q4_0Q8Rows.INSTANCE.dotRows(w.data(), w.rowBytes(), 0, rows, x, 0, n, intRef, 0);
            Q4_0Rows.INSTANCE.dotRows(w.data(), w.rowBytes(), 0, rows, x, 0, n, floatRef, 0);
            assertArrayEquals(intRef, q8);
            assertArrayEquals(floatRef, fl);
        }
    }
}
