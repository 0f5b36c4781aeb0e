package io.genai4j.engine.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.engine.kernels.Parallel;
import java.lang.foreign.Arena;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Groups of matrices sharing an input: one token (matrix-vector products), a few tokens (row kernels
 * tile by tile) and a batch (panels through the GEMM) against a double-precision reference over the
 * decoded weights; every thread count gives the same bits for one token, and a few tokens give each
 * token what it gets alone.
 */
class MatVecTest {

    private static WeightMatrix matrix(Arena arena, DType t, int rows, int cols, Random r) {
        byte[] all = new byte[(int) (t.bytesFor(cols) * rows)];
        for (int i = 0; i < rows; i++) {
            byte[] row = RowKernelTest.randomRow(t, cols, r);
            System.arraycopy(row, 0, all, (int) (i * t.bytesFor(cols)), row.length);
        }
        return new WeightMatrix(RowKernelTest.nativeCopy(arena, all).asSlice(3), t, rows, cols, t.bytesFor(cols));
    }

    @Test
    void groupOfMatricesMatchesTheReferenceForOneTokenAndABatch() {
        Random r = new Random(7);
        int in = 512;
        try (Arena arena = Arena.ofShared()) {
            WeightMatrix[] ws = {matrix(arena, DType.Q8_0, 70, in, r), matrix(arena, DType.Q4_K, 33, in, r), matrix(arena, DType.F16, 100, in, r)};
            MatVec mv = new MatVec(ws);
            for (int t : new int[] {5, MatVec.FEW_ROWS + 4}) checkAgainstReference(mv, ws, in, t, r);
        }
    }

    private static void checkAgainstReference(MatVec mv, WeightMatrix[] ws, int in, int t, Random r) {
        int out = mv.out();
        float[] x = new float[t * in];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        float[] batch = new float[t * out];
        mv.apply(x, 0, t, batch, 0, out);
        for (int s = 0; s < t; s++) {
            float[] one = new float[out + 1];
            mv.apply(x, s * in, one, 1);
            int c = 0;
            for (WeightMatrix w : ws) {
                for (int row = 0; row < w.rows(); row++, c++) {
                    float[] wr = w.row(row);
                    double exact = 0, mag = 0;
                    for (int i = 0; i < in; i++) {
                        exact += (double) wr[i] * x[s * in + i];
                        mag += Math.abs((double) wr[i] * x[s * in + i]);
                    }
                    assertTrue(Math.abs(one[c + 1] - exact) <= 1e-5 * mag, "matvec row " + c + ": " + one[c + 1] + " vs " + exact);
                    assertTrue(Math.abs(batch[s * out + c] - exact) <= 1e-5 * mag, "batch row " + c + ": " + batch[s * out + c] + " vs " + exact);
                }
            }
        }
    }

    @Test
    void aFewTokensGetWhatEachGetsAloneAtEveryThreadCount() {
        Random r = new Random(17);
        int before = Parallel.threads();
        try (Arena arena = Arena.ofShared()) {
            // Long rows: a tile holds only a few of them, and tiles straddle the two matrices.
            int in = 4096;
            MatVec mv = MatVec.prepared(matrix(arena, DType.Q4_0, 45, in, r), matrix(arena, DType.Q8_0, 30, in, r));
            for (int t = 2; t <= MatVec.FEW_ROWS; t += 3) {
                float[] x = new float[t * in];
                for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
                float[] alone = new float[t * mv.out()];
                for (int s = 0; s < t; s++) mv.apply(x, s * in, alone, s * mv.out());
                float scale = 0;
                for (float v : alone) scale = Math.max(scale, Math.abs(v));
                for (int threads = 1; threads <= 4; threads++) {
                    Parallel.setThreads(threads);
                    float[] few = new float[t * mv.out()];
                    mv.apply(x, 0, t, few, 0, mv.out());
                    // The same kernel on the same rows; only the JIT's tier may reorder a lane reduction,
                    // whose rounding scales with the partial sums, not with a small result of their cancelling.
                    for (int i = 0; i < few.length; i++) {
                        assertTrue(Math.abs(few[i] - alone[i]) <= 1e-5f * (1 + scale), t + " tokens, " + threads + " threads, output " + i + ": " + few[i] + " vs " + alone[i]);
                    }
                }
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void everyThreadCountGivesTheSameBits() {
        Random r = new Random(11);
        int before = Parallel.threads();
        try (Arena arena = Arena.ofShared()) {
            MatVec mv = new MatVec(matrix(arena, DType.Q4_0, 300, 256, r), matrix(arena, DType.Q6_K, 200, 256, r));
            float[] x = new float[256];
            for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
            float[] first = null;
            Parallel.setThreads(1);
            float[] scratch = new float[mv.out()];
            Jit.warm(() -> mv.apply(x, 0, scratch, 0));   // bits are compared: compiled kernels only
            for (int threads = 1; threads <= 4; threads++) {
                Parallel.setThreads(threads);
                float[] y = new float[mv.out()];
                mv.apply(x, 0, y, 0);
                if (first == null) first = y;
                else assertArrayEquals(first, y, "threads " + threads);
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    /**
     * A prepared group gives long Q4_K rows the bfloat16-x kernel, and long Q4_0 rows only when asked
     * ({@link MatVec.Activations#BF16}); an ad-hoc group keeps float x.
     */
    @Test
    void preparedGroupsRoundXToBf16OnlyForLongRows() {
        checkLongRowChoice(DType.Q4_0, MatVec.Activations.BF16, Q4_0Rows.INSTANCE, Q4_0LongRows.INSTANCE);
        checkLongRowChoice(DType.Q4_0, MatVec.Activations.FLOAT, Q4_0Rows.INSTANCE, Q4_0Rows.INSTANCE);
        if (Lanes.WIDE) checkLongRowChoice(DType.Q4_K, MatVec.Activations.FLOAT, Q4KWideRows.INSTANCE, Q4KWideRows.LONG);
    }

    private static void checkLongRowChoice(DType t, MatVec.Activations activations, RowKernel exactKernel, RowKernel longKernel) {
        Random r = new Random(13);
        try (Arena arena = Arena.ofShared()) {
            for (int in : new int[] {Bf16Activations.MIN_LENGTH, 2 * Bf16Activations.MIN_LENGTH}) {
                WeightMatrix w = matrix(arena, t, 40, in, r);
                float[] x = new float[in];
                for (int i = 0; i < in; i++) x[i] = (float) r.nextGaussian();
                float[] prepared = new float[40], plain = new float[40], bf16 = new float[40], exact = new float[40];
                MatVec group = MatVec.prepared(activations, w), adHoc = new MatVec(w);
                Jit.warm(() -> {    // bits are compared: compiled kernels only
                    longKernel.dotRows(w.data(), w.rowBytes(), 0, 1, x, 0, in, bf16, 0);
                    exactKernel.dotRows(w.data(), w.rowBytes(), 0, 1, x, 0, in, exact, 0);
                });
                group.apply(x, 0, prepared, 0);
                adHoc.apply(x, 0, plain, 0);
                longKernel.dotRows(w.data(), w.rowBytes(), 0, 40, x, 0, in, bf16, 0);
                exactKernel.dotRows(w.data(), w.rowBytes(), 0, 40, x, 0, in, exact, 0);
                // The same kernel through the group or called directly: equal up to the lane-reduction order of
                // the compiled code (see Jit), which a wrong kernel choice (bf16 x vs float x) far exceeds.
                // (Rounding x to bfloat16 moves a result by about 6e-4 of the largest; the order of a reduction by 1e-6.)
                float[] chosen = in > Bf16Activations.MIN_LENGTH ? bf16 : exact;
                float scale = 0;
                for (float v : exact) scale = Math.max(scale, Math.abs(v));
                for (int i = 0; i < 40; i++) {
                    assertEquals(exact[i], plain[i], 1e-5f * scale, t + " ad-hoc group, in=" + in + ", row " + i);
                    assertEquals(chosen[i], prepared[i], 1e-5f * scale, t + " prepared group, in=" + in + ", row " + i);
                }
            }
        }
    }

    @Test
    void matricesOfAGroupMustShareTheirInputWidth() {
        Random r = new Random(1);
        try (Arena arena = Arena.ofShared()) {
            WeightMatrix a = matrix(arena, DType.Q8_0, 4, 64, r), b = matrix(arena, DType.Q8_0, 4, 96, r);
            assertThrows(IllegalArgumentException.class, () -> new MatVec(a, b));
        }
    }
}
