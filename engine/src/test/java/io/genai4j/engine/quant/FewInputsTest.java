package io.genai4j.engine.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genai4j.engine.DType;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The multi-input row loops ({@link RowKernel#dotRowsInputs}) against each kernel's single-input
 * loop, for every kernel the selector can choose, 1 to 8 inputs (whole groups of four and ragged
 * ones), a range of rows that does not start at the first, and rows of one to many blocks. Inputs
 * and outputs sit apart with NaN between them, so a kernel that reads or writes past its own
 * input or output shows it.
 */
class FewInputsTest {

    /** A kernel and the type of the rows it reads. */
    private record Kernel(RowKernel kernel, DType type) {}

    /** Every kernel {@link RowKernel#of} and {@link MatVec#prepared} may pick on this machine or a narrower one. */
    private static List<Kernel> kernels() {
        List<Kernel> ks = new ArrayList<>();
        for (DType t : RowKernelTest.FORMATS) ks.add(new Kernel(RowKernel.of(t), t));
        ks.add(new Kernel(F16Rows.FINITE, DType.F16));
        ks.add(new Kernel(Q4_0LongRows.INSTANCE, DType.Q4_0));
        for (RowKernel k : List.of(Q4KRows.INSTANCE, Q4KWideRows.INSTANCE, Q4KWideRows.LONG)) ks.add(new Kernel(k, DType.Q4_K));
        for (RowKernel k : List.of(Q6KRows.INSTANCE, Q6KWideRows.INSTANCE)) ks.add(new Kernel(k, DType.Q6_K));
        return ks;
    }

    @Test
    void everyKernelGivesEachInputWhatItGetsAlone() {
        Random r = new Random(23);
        try (Arena arena = Arena.ofConfined()) {
            for (Kernel kt : kernels()) {
                RowKernel kernel = kt.kernel();
                DType t = kt.type();
                for (int blocks : new int[] {1, 3, 9}) {
                    int n = t.isQuantized() ? blocks * t.blockSize() : 32 * blocks;
                    check(kernel, t, n, r, arena);
                }
            }
        }
    }

    /** The same comparison with the kernels compiled (C2 may box vectors or reorder a reduction; results must still agree). */
    @Test
    void compiledKernelsAgreeToo() {
        Random r = new Random(29);
        try (Arena arena = Arena.ofConfined()) {
            for (Kernel kt : kernels()) {
                RowKernel kernel = kt.kernel();
                DType t = kt.type();
                if (!overrides(kernel)) continue;   // the default loop only calls the single-input kernel
                int n = t.blockSize();
                Rows rows = Rows.random(t, 3, n, r, arena);
                float[] x = new float[5 * n], y = new float[5 * 3];
                Jit.warm(() -> kernel.dotRowsInputs(rows.w, rows.rowBytes, 0, 3, x, 0, n, 5, n, y, 0, 3));
                check(kernel, t, n, r, arena);
            }
        }
    }

    /**
     * Kernels that prepare their inputs once per call cut the rows into tiles themselves
     * ({@link RowKernel#tilesItsInputs}): a range over three tiles (the last a partial one), not
     * starting at the first row, with a group of four and one or three inputs left over, each of
     * which runs tile by tile through the single-input loop.
     */
    @Test
    void kernelsThatTileThemselvesGiveEachInputWhatItGetsAloneAcrossTiles() {
        Random r = new Random(37);
        int checked = 0;
        try (Arena arena = Arena.ofConfined()) {
            for (Kernel kt : kernels()) {
                if (!kt.kernel().tilesItsInputs()) continue;
                int n = kt.type().blockSize(), tile = FewInputs.tileRows(kt.type().bytesFor(n));
                check(kt.kernel(), kt.type(), n, 2 * tile + 20, 3, 2 * tile + 17, 5, 5, r, arena);
                check(kt.kernel(), kt.type(), n, 2 * tile + 20, 3, 2 * tile + 17, 7, 7, r, arena);
                checked++;
            }
        }
        assertTrue(checked >= 3, "the wide Q4_K (short and long rows) and Q6_K kernels tile themselves: " + checked);
    }

    private record Rows(MemorySegment w, long rowBytes, float[][] decoded) {
        static Rows random(DType t, int rows, int n, Random r, Arena arena) {
            long rowBytes = t.bytesFor(n);
            byte[] all = new byte[(int) (rowBytes * rows)];
            for (int i = 0; i < rows; i++) System.arraycopy(RowKernelTest.randomRow(t, n, r), 0, all, (int) (i * rowBytes), (int) rowBytes);
            var w = RowKernelTest.nativeCopy(arena, all).asSlice(3);
            float[][] decoded = new float[rows][n];
            for (int i = 0; i < rows; i++) new CodecRows(t).decode(w, i * rowBytes, decoded[i], 0, n);
            return new Rows(w, rowBytes, decoded);
        }
    }

    private static void check(RowKernel kernel, DType t, int n, Random r, Arena arena) {
        check(kernel, t, n, 7, 2, 7, 1, 8, r, arena);
    }

    /** Rows [r0, r1) of a matrix of the given rows, kFrom to kTo inputs. */
    private static void check(RowKernel kernel, DType t, int n, int rows, int r0, int r1, int kFrom, int kTo, Random r, Arena arena) {
        int ldx = n + 5, ldy = r1 - r0 + 3;
        Rows w = Rows.random(t, rows, n, r, arena);
        for (int k = kFrom; k <= kTo; k++) {
            float[] x = new float[1 + k * ldx];
            Arrays.fill(x, Float.NaN);
            for (int s = 0; s < k; s++) {
                for (int i = 0; i < n; i++) x[1 + s * ldx + i] = (float) r.nextGaussian();
            }
            float[] few = new float[2 + k * ldy];
            Arrays.fill(few, Float.NaN);
            kernel.dotRowsInputs(w.w, w.rowBytes, r0, r1, x, 1, ldx, k, n, few, 2, ldy);
            for (int s = 0; s < k; s++) {
                float[] alone = new float[r1 - r0];
                kernel.dotRows(w.w, w.rowBytes, r0, r1, x, 1 + s * ldx, n, alone, 0);
                for (int row = r0; row < r1; row++) {
                    double mag = 0;
                    for (int i = 0; i < n; i++) mag += Math.abs((double) w.decoded[row][i] * x[1 + s * ldx + i]);
                    float got = few[2 + s * ldy + row - r0];
                    // Both sum the same products in float, in different orders: a few roundings of partial sums each.
                    assertTrue(Math.abs(got - alone[row - r0]) <= 1e-5 * mag, kernel.getClass().getSimpleName() + " " + t + " n=" + n + " k=" + k
                            + " input " + s + " row " + row + ": " + got + " vs alone " + alone[row - r0]);
                }
                for (int gap = r1 - r0; gap < ldy && s + 1 < k; gap++) assertEquals(Float.NaN, few[2 + s * ldy + gap], "written outside the outputs");
            }
            assertEquals(Float.NaN, few[0]);
            assertEquals(Float.NaN, few[1]);
        }
    }

    /**
     * The decoded tiles ({@link DecodedTiles}) for every kernel that has them, through the same
     * comparison as the fused loops: 1 to 8 inputs (whole and partial groups of four), a row range
     * that ends in a partial group of four rows, one and several tiles of columns, and a last tile
     * narrower than the others (long Q4_0 rows of 9 blocks).
     */
    @Test
    void decodedTilesGiveEachInputWhatItGetsAlone() {
        assumeTrue(Lanes.WIDE, "the tiles serve 512-bit vectors only");
        Random r = new Random(31);
        int checked = 0;
        try (Arena arena = Arena.ofConfined()) {
            for (Kernel kt : kernels()) {
                DecodedTiles tiles = DecodedTiles.of(kt.kernel(), 256);
                if (tiles == null) continue;
                RowKernel tiled = new TiledKernel(kt.kernel(), tiles);
                for (int n : new int[] {256, 3 * 256, 9 * 32}) {
                    if (n % kt.type().blockSize() == 0) check(tiled, kt.type(), n, r, arena);
                }
                Rows rows = Rows.random(kt.type(), 5, 256, r, arena);
                float[] x = new float[8 * 256], y = new float[8 * 5];
                Jit.warm(() -> tiles.dotRowsInputs(rows.w, rows.rowBytes, 0, 5, x, 0, 256, 8, 256, y, 0, 5));
                check(tiled, kt.type(), 3 * 256, r, arena);
                checked++;
            }
        }
        assertTrue(checked >= 4, "Q4_K (picked twice by the list), long Q4_0 and Q6_K have tiles: " + checked);
    }

    /**
     * Q6_K rows decoded in the wide kernel's lane order hold exactly the reference decoder's values
     * ((q − 32)·d·sc is exact in float), at the positions {@link Q6KWideRows#permute} gives x.
     */
    @Test
    void q6kPermutedDecodeIsTheReferencePermuted() {
        Random r = new Random(37);
        int n = 3 * 256;
        try (Arena arena = Arena.ofConfined()) {
            Rows rows = Rows.random(DType.Q6_K, 2, n, r, arena);
            for (int row = 0; row < 2; row++) {
                float[] got = new float[n + 2], want = new float[n + 2];
                Arrays.fill(got, Float.NaN);
                Q6KWideRows.decodePermuted(rows.w, row * rows.rowBytes, n, got, 1);
                Arrays.fill(want, Float.NaN);
                Q6KWideRows.permute(rows.decoded[row], 0, n, want, 1);
                assertTrue(Arrays.equals(want, got), "row " + row);
            }
        }
    }

    /** A kernel whose multi-input loop is the decoded tiles, its single-input loop the kernel's own. */
    private record TiledKernel(RowKernel kernel, DecodedTiles tiles) implements RowKernel {
        @Override
        public float dot(MemorySegment w, long off, float[] x, int xOff, int n) {
            return kernel.dot(w, off, x, xOff, n);
        }

        @Override
        public void dotRows(MemorySegment w, long rowBytes, int r0, int r1, float[] x, int xOff, int n, float[] y, int yOff) {
            kernel.dotRows(w, rowBytes, r0, r1, x, xOff, n, y, yOff);
        }

        @Override
        public void dotRowsInputs(MemorySegment w, long rowBytes, int r0, int r1, float[] x, int xOff, int ldx, int k, int n, float[] y, int yOff, int ldy) {
            tiles.dotRowsInputs(w, rowBytes, r0, r1, x, xOff, ldx, k, n, y, yOff, ldy);
        }

        @Override
        public void decode(MemorySegment w, long off, float[] y, int yOff, int n) {
            kernel.decode(w, off, y, yOff, n);
        }
    }

    /** The quantized kernels unpack a block once for several inputs: each overrides the one-input-at-a-time default. */
    @Test
    void quantizedKernelsHaveTheirOwnMultiInputLoop() {
        for (RowKernel k : List.of(Q8_0Rows.INSTANCE, Q4_0Rows.INSTANCE, Q4_0LongRows.INSTANCE, Q4KWideRows.INSTANCE, Q4KWideRows.LONG, Q6KWideRows.INSTANCE)) {
            assertTrue(overrides(k), k.getClass().getSimpleName());
        }
    }

    private static boolean overrides(RowKernel k) {
        try {
            return k.getClass().getMethod("dotRowsInputs", MemorySegment.class, long.class, int.class, int.class,
                    float[].class, int.class, int.class, int.class, int.class, float[].class, int.class, int.class).getDeclaringClass() != RowKernel.class;
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }
}
