package io.genai4j.engine.quant;

import static io.genai4j.engine.quant.Lanes.F;
import static io.genai4j.engine.quant.Lanes.L;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * The product of a few inputs (a batched decoding step) with quantized rows as a small GEMM: a tile
 * of {@value #ROWS} rows × {@value #CHUNK} columns is decoded to floats once, into a buffer that
 * stays in L1, and a register-blocked micro-kernel multiplies it with every input, {@value #ROWS}
 * rows × 4 inputs at a time (16 accumulators, one FMA per weight per input). Unpacking a weight thus
 * costs once per step instead of once per four inputs, and the multiply-adds no longer wait on it:
 * the fused multi-input kernels ({@link RowKernel#dotRowsInputs}) spend as many instructions on
 * unpacking as on multiplying at four inputs, and twice that at eight.
 *
 * <p>Each output is Σ_i w_i·x_i over the decoded weights w_i (the kernel's {@link RowKernel#decode},
 * whose values the lone kernels multiply too) and the input as the lone kernel reads it (rounded to
 * bfloat16 for long Q4_0 rows, {@link Bf16Activations}): the same products as a
 * lone call, summed in another order. Q6_K rows decode in the lane order of {@link Q6KWideRows},
 * each input permuted alike once per call, since its natural-order decode costs three times more.
 *
 * <p>Used for 512-bit vectors only ({@link Lanes#WIDE}): sixteen accumulators, four tile rows and an
 * input vector need 21 of the 32 registers, and narrower machines have 16.
 */
final class DecodedTiles {
    /** Rows decoded per tile: with 4 inputs, 16 accumulators. */
    static final int ROWS = 4;
    /** Columns per tile: one Q4_K/Q6_K super-block, eight Q4_0/Q8_0 blocks; 4 rows of it are 4 KB. */
    static final int CHUNK = 256;
    /** Rows up to this long (Llama-3.2-1B's 2048) and longer ones (its 8192) choose the tiles from different input counts. */
    private static final int SHORT_ROWS = 4096;
    /** Inputs per pass of the micro-kernel. */
    private static final int GROUP = 4;

    /** How rows decode into a tile and how the inputs are prepared to match. */
    private enum Input {
        /** The kernel's decode, the inputs as they are. */
        AS_IS,
        /** The kernel's decode, the inputs rounded to bfloat16 as the kernel rounds them. */
        BF16,
        /** Q6_K rows and the inputs in the wide kernel's lane order. */
        Q6K_ORDER,
        /** F16 rows of a matrix scanned finite, widened without the checked decode's test. */
        F16_FINITE
    }

    private final RowKernel kernel;
    private final Input input;
    private final int fromInputs;

    private DecodedTiles(RowKernel kernel, Input input, int fromInputs) {
        this.kernel = kernel;
        this.input = input;
        this.fromInputs = fromInputs;
    }

    /**
     * The tiled product for a kernel's rows, or null where the fused kernels stay: narrow vectors,
     * formats without a fused kernel, and short Q4_0 and Q8_0 rows, whose unpacking is cheap enough
     * that decoding to a tile and reading it back costs more than unpacking once per four inputs
     * (measured per thread, 2048-long rows: Q4_0 88 ns per row and input fused at 4 inputs, 137
     * tiled; Q8_0 109 and 125). From how many inputs on the tiles win was measured with each call of
     * the three ways (k single-input passes, the fused loop, the tiles) taking turns in one JVM, one
     * thread, rows streamed from memory (AMD EPYC, 3 Dec 2026; the ratios varied by ±0.1 from run
     * to run): Q6_K rows of 2048 fused 1.12–1.24x faster than tiled at 4 inputs, even at 6 and 7,
     * tiled up to 1.28x faster at 8; Q6_K rows of 8192 tiled 1.19x faster at 4; Q4_K rows of 2048
     * fused 1.55x faster at 3, 1.23x at 4, 1.12x at 6, tiled 1.16x faster at 7 and even at 8 (a
     * session before, another harness had found the tiles ahead from 3 and 4: the thresholds are
     * this host's); long Q4_0 rows from 2 (1.15x at 2, 1.17x at 4, 1.61x at 8); finite F16 rows
     * tiled 1.12x faster at 4 and 1.41x at 8 (F16 has no fused multi-input loop, its inputs run one
     * after another). Long Q4_K rows keep their fused kernel: it rounds x to bfloat16 but takes the
     * min term's sums of x in float, products a decoded tile cannot form. Rows whose length is not a
     * multiple of 32 keep theirs too.
     */
    static DecodedTiles of(RowKernel kernel, int n) {
        if (!Lanes.WIDE || n % (2 * L) != 0) return null;
        if (kernel == Q4KWideRows.INSTANCE) return new DecodedTiles(kernel, Input.AS_IS, 7);
        if (kernel == Q4_0LongRows.INSTANCE) return new DecodedTiles(kernel, Input.BF16, 2);
        if (kernel == Q6KWideRows.INSTANCE) return new DecodedTiles(kernel, Input.Q6K_ORDER, n > SHORT_ROWS ? 4 : 7);
        if (kernel == F16Rows.FINITE) return new DecodedTiles(kernel, Input.F16_FINITE, 4);
        return null;
    }

    /** True when k inputs run faster here than through the kernel's fused loop. */
    boolean serves(int k) {
        return k >= fromInputs;
    }

    /** Per thread: the decoded tile, the accumulators of one row group, the prepared inputs. */
    private static final ThreadLocal<float[][]> BUFFERS = ThreadLocal.withInitial(() -> new float[][] {
            new float[ROWS * CHUNK], new float[0], new float[0]});

    /**
     * y[yOff + s·ldy + r − r0] = W[r]·x_s for rows [r0, r1) of w and k inputs x_s = x[xOff + s·ldx, +n)
     * (n a multiple of the block size and of 32).
     */
    void dotRowsInputs(MemorySegment w, long rowBytes, int r0, int r1, float[] x, int xOff, int ldx, int k, int n, float[] y, int yOff, int ldy) {
        float[][] b = BUFFERS.get();
        float[] tile = b[0];
        if (b[1].length < ROWS * k * L) b[1] = new float[ROWS * k * L];
        float[] acc = b[1];
        float[] xs = x;
        int xo = xOff, lx = ldx;
        if (input == Input.BF16 || input == Input.Q6K_ORDER) {
            if (b[2].length < k * n) b[2] = new float[k * n];
            xs = b[2];
            xo = 0;
            lx = n;
            for (int s = 0; s < k; s++) {
                if (input == Input.Q6K_ORDER) Q6KWideRows.permute(x, xOff + s * ldx, n, xs, s * n);
                else {
                    System.arraycopy(x, xOff + s * ldx, xs, s * n, n);
                    Bf16Activations.roundInPlace(xs, s * n, n);
                }
            }
        }
        for (int r = r0; r < r1; r += ROWS) {
            int rows = Math.min(ROWS, r1 - r);
            if (rows < ROWS) Arrays.fill(tile, 0f);   // rows past r1 multiply zeros; their sums are dropped
            Arrays.fill(acc, 0, ROWS * k * L, 0f);
            for (int c = 0; c < n; c += CHUNK) {
                int cols = Math.min(CHUNK, n - c);
                long at = rowBytes * c / n;   // c is a whole number of blocks into the row
                for (int i = 0; i < rows; i++) decode(w, (r + i) * rowBytes + at, cols, tile, i * CHUNK);
                int s = 0;
                for (; s + GROUP <= k; s += GROUP) rows4x4(tile, cols, xs, xo + s * lx + c, lx, acc, s * ROWS * L);
                for (; s < k; s++) rows4x1(tile, cols, xs, xo + s * lx + c, acc, s * ROWS * L);
            }
            for (int s = 0; s < k; s++) {
                for (int i = 0; i < rows; i++) y[yOff + s * ldy + r - r0 + i] = Lanes.sum(FloatVector.fromArray(F, acc, (s * ROWS + i) * L));
            }
        }
    }

    private void decode(MemorySegment w, long off, int cols, float[] tile, int at) {
        if (input == Input.Q6K_ORDER) Q6KWideRows.decodePermuted(w, off, cols, tile, at);
        else if (input == Input.F16_FINITE) F16Rows.decodeFinite(w, off, tile, at, cols);
        else kernel.decode(w, off, tile, at, cols);
    }

    /** acc[(s·ROWS + i)·L, +L) += tile row i ⊙ x_s, lane by lane, over cols columns, for 4 rows i and 4 inputs s at x0 + s·ldx. */
    private static void rows4x4(float[] tile, int cols, float[] x, int x0, int ldx, float[] acc, int a) {
        int x1 = x0 + ldx, x2 = x1 + ldx, x3 = x2 + ldx;
        FloatVector a00 = FloatVector.fromArray(F, acc, a), a01 = FloatVector.fromArray(F, acc, a + L),
                a02 = FloatVector.fromArray(F, acc, a + 2 * L), a03 = FloatVector.fromArray(F, acc, a + 3 * L);
        FloatVector a10 = FloatVector.fromArray(F, acc, a + 4 * L), a11 = FloatVector.fromArray(F, acc, a + 5 * L),
                a12 = FloatVector.fromArray(F, acc, a + 6 * L), a13 = FloatVector.fromArray(F, acc, a + 7 * L);
        FloatVector a20 = FloatVector.fromArray(F, acc, a + 8 * L), a21 = FloatVector.fromArray(F, acc, a + 9 * L),
                a22 = FloatVector.fromArray(F, acc, a + 10 * L), a23 = FloatVector.fromArray(F, acc, a + 11 * L);
        FloatVector a30 = FloatVector.fromArray(F, acc, a + 12 * L), a31 = FloatVector.fromArray(F, acc, a + 13 * L),
                a32 = FloatVector.fromArray(F, acc, a + 14 * L), a33 = FloatVector.fromArray(F, acc, a + 15 * L);
        for (int c = 0; c < cols; c += L) {
            FloatVector w0 = FloatVector.fromArray(F, tile, c), w1 = FloatVector.fromArray(F, tile, CHUNK + c),
                    w2 = FloatVector.fromArray(F, tile, 2 * CHUNK + c), w3 = FloatVector.fromArray(F, tile, 3 * CHUNK + c);
            FloatVector v = FloatVector.fromArray(F, x, x0 + c);
            a00 = w0.fma(v, a00);
            a01 = w1.fma(v, a01);
            a02 = w2.fma(v, a02);
            a03 = w3.fma(v, a03);
            v = FloatVector.fromArray(F, x, x1 + c);
            a10 = w0.fma(v, a10);
            a11 = w1.fma(v, a11);
            a12 = w2.fma(v, a12);
            a13 = w3.fma(v, a13);
            v = FloatVector.fromArray(F, x, x2 + c);
            a20 = w0.fma(v, a20);
            a21 = w1.fma(v, a21);
            a22 = w2.fma(v, a22);
            a23 = w3.fma(v, a23);
            v = FloatVector.fromArray(F, x, x3 + c);
            a30 = w0.fma(v, a30);
            a31 = w1.fma(v, a31);
            a32 = w2.fma(v, a32);
            a33 = w3.fma(v, a33);
        }
        a00.intoArray(acc, a);
        a01.intoArray(acc, a + L);
        a02.intoArray(acc, a + 2 * L);
        a03.intoArray(acc, a + 3 * L);
        a10.intoArray(acc, a + 4 * L);
        a11.intoArray(acc, a + 5 * L);
        a12.intoArray(acc, a + 6 * L);
        a13.intoArray(acc, a + 7 * L);
        a20.intoArray(acc, a + 8 * L);
        a21.intoArray(acc, a + 9 * L);
        a22.intoArray(acc, a + 10 * L);
        a23.intoArray(acc, a + 11 * L);
        a30.intoArray(acc, a + 12 * L);
        a31.intoArray(acc, a + 13 * L);
        a32.intoArray(acc, a + 14 * L);
        a33.intoArray(acc, a + 15 * L);
    }

    /** As {@link #rows4x4} for one input (the k mod 4 left over). */
    private static void rows4x1(float[] tile, int cols, float[] x, int x0, float[] acc, int a) {
        FloatVector a0 = FloatVector.fromArray(F, acc, a), a1 = FloatVector.fromArray(F, acc, a + L),
                a2 = FloatVector.fromArray(F, acc, a + 2 * L), a3 = FloatVector.fromArray(F, acc, a + 3 * L);
        for (int c = 0; c < cols; c += L) {
            FloatVector v = FloatVector.fromArray(F, x, x0 + c);
            a0 = FloatVector.fromArray(F, tile, c).fma(v, a0);
            a1 = FloatVector.fromArray(F, tile, CHUNK + c).fma(v, a1);
            a2 = FloatVector.fromArray(F, tile, 2 * CHUNK + c).fma(v, a2);
            a3 = FloatVector.fromArray(F, tile, 3 * CHUNK + c).fma(v, a3);
        }
        a0.intoArray(acc, a);
        a1.intoArray(acc, a + L);
        a2.intoArray(acc, a + 2 * L);
        a3.intoArray(acc, a + 3 * L);
    }
}
