package io.genai4j.engine.kernels;

import java.util.Arrays;

import static io.genai4j.engine.kernels.GemmKernel.MR;
import static io.genai4j.engine.kernels.GemmKernel.NR;

/**
 * Pure-Java SGEMM: Goto/BLIS cache blocking around the {@link GemmKernel} micro-kernel, with
 * operands packed by {@link GemmPack}.
 *
 * <p>Loop nest (outermost first) and where each operand lives:
 * <pre>
 *   ic: row blocks of m      pack op(A) rows × all of k, shared by the threads (L3)
 *   jc: column blocks of n   parallel tasks of at most NC columns (and a row slice when n is narrow)
 *   pc: k in KC steps        the task packs its op(B) block KC×NC (L2); C gets one pass per step
 *   ir: MR rows              the A micro-panel MR×KC stays in L1 across the jr loop
 *   jr: NR columns           the B micro-panel streams from L2 through the micro-kernel
 * </pre>
 * op(A) is packed once per row block and op(B) once per row block (usually one), so packing is
 * O(mk + nk) against O(mnk) work; the packing absorbs the transposes (1024³ on one thread, best of
 * a noisy run: A·B 220, Aᵀ·B 200, A·Bᵀ 207, Aᵀ·Bᵀ 183 GFLOP/s).
 *
 * <p>Measured on the 2-core Zen 5 dev machine (AVX-512, 273 GFLOP/s FMA peak per core), steady
 * state in-process: 1024³ ~205-215 GFLOP/s on 1 thread and ~430 on 2; 2048³ ~215 and ~410.
 * numpy's OpenBLAS on the same machine: ~235 and ~450-470. Block sizes KC 192-512 and NC 256-1024
 * were all within the machine's noise of each other.
 *
 * <p>Tiny and skinny shapes skip packing ({@link GemmSmall}).
 */
public final class JavaGemm implements Gemm {
    public static final JavaGemm INSTANCE = new JavaGemm();

    /** Depth of a packed block: the A micro-panel (MR·KC floats = 12 KiB) sits in L1. */
    static final int KC = 256;
    /**
     * Column blocks per thread when several threads share a product: a thread that loses its core
     * to another process then delays only its last block. Narrower blocks cost little: the A
     * micro-panel is reused across NR-wide panels of the block while it sits in L1.
     */
    static final int BLOCKS_PER_THREAD = 4;
    /** Fewest NR panels in a column block when n has them. */
    static final int MIN_PANELS = 4;
    /**
     * Packed A budget in floats (24 MiB, kept per calling thread): a block of rows of A is packed
     * for all of k at once and stays in the 32 MiB L3, so each op(B) block is packed once per row
     * block (once, up to m·k = 6M) and there are only two thread barriers per row block. Not final
     * so a test can shrink it to exercise several row blocks.
     */
    static int aBlockFloats = 6 << 20;
    /** Widest column block: the packed B block (KC·NC floats = 512 KiB) sits in the 1 MiB L2. */
    static final int NC = 16 * NR;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private JavaGemm() {}

    @Override
    public String name() {
        return "java";
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("negative size: m=" + m + " n=" + n + " k=" + k);
        }
        checkMatrix("C", c, cOff, m, n, ldc);
        if (m == 0 || n == 0) return;
        if (k == 0 || alpha == 0f) {
            // BLAS: A and B are not referenced, C = beta·C.
            scale(m, n, beta, c, cOff, ldc);
            return;
        }
        checkMatrix("A", a, aOff, transA ? k : m, transA ? m : k, lda);
        checkMatrix("B", b, bOff, transB ? n : k, transB ? k : n, ldb);
        if (GemmSmall.handles(transA, transB, m, n, k)) {
            GemmSmall.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        new Blocked(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc).run();
    }

    /** One blocked multiply; the fields of the current row block are read by the parallel bodies. */
    private static final class Blocked {
        final boolean transA, transB;
        final int m, n, k;
        final float alpha, beta;
        final float[] a, b, c;
        final int aOff, lda, bOff, ldb, cOff, ldc;
        final int threads, blockCols, columnBlocks, blockRows;
        float[] ap;
        int ic, mc, mcPad, rowSlices;

        Blocked(boolean transA, boolean transB, int m, int n, int k, float alpha,
                float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                float beta, float[] c, int cOff, int ldc) {
            this.transA = transA; this.transB = transB;
            this.m = m; this.n = n; this.k = k;
            this.alpha = alpha; this.beta = beta;
            this.a = a; this.aOff = aOff; this.lda = lda;
            this.b = b; this.bOff = bOff; this.ldb = ldb;
            this.c = c; this.cOff = cOff; this.ldc = ldc;
            this.threads = Parallel.inside() ? 1 : Parallel.threads();
            int cols = threads == 1 ? NC : roundUp(ceilDiv(n, BLOCKS_PER_THREAD * threads), NR);
            // At least MIN_PANELS panels per block (when n allows): an A micro-panel brought into L1
            // should serve several tiles, or the kernel waits on L3 (2048×96×2048 on 2 threads fell
            // to 90 GFLOP/s with 1-panel blocks).
            this.blockCols = Math.min(NC, Math.max(cols, Math.min(roundUp(n, NR), MIN_PANELS * NR)));
            this.columnBlocks = ceilDiv(n, blockCols);
            // Row blocks of equal height whose packed A (all of k) fits the A budget.
            int maxRows = Math.max(MR, aBlockFloats / k / MR * MR);
            int rowBlocks = ceilDiv(m, maxRows);
            this.blockRows = roundUp(ceilDiv(m, rowBlocks), MR);
        }

        void run() {
            ap = SCRATCH.get().a(Math.min(blockRows, roundUp(m, MR)) * k);
            for (ic = 0; ic < m; ic += blockRows) {
                mc = Math.min(blockRows, m - ic);
                mcPad = roundUp(mc, MR);
                int panels = mcPad / MR;
                // Too few column blocks to keep every thread busy (narrow n): split the rows as
                // well; each row slice then packs its own copy of the (narrow) B block.
                rowSlices = threads == 1 ? 1 : Math.min(panels, ceilDiv(BLOCKS_PER_THREAD * threads, columnBlocks));
                Parallel.forRange(panels, 8, this::packA);
                Parallel.forRange(columnBlocks * rowSlices, 1, this::compute);
            }
        }

        /** Packs A micro-panels [q0, q1) of the row block, for every k block. */
        private void packA(int q0, int q1) {
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                GemmPack.packA(transA, a, aOff, lda, ic, mc, pc, kc, alpha, ap, pc * mcPad, q0, q1);
            }
        }

        /** Tasks [lo, hi) of the row block: a column block (and row slice) each, over all of k. */
        private void compute(int lo, int hi) {
            Scratch s = SCRATCH.get();
            int panels = mcPad / MR;
            for (int task = lo; task < hi; task++) {
                int blk = task / rowSlices, slice = task % rowSlices;
                int j0 = blk * blockCols;
                int nb = Math.min(blockCols, n - j0);
                int irLo = panels * slice / rowSlices * MR, irHi = Math.min(mc, panels * (slice + 1) / rowSlices * MR);
                for (int pc = 0; pc < k; pc += KC) {
                    int kc = Math.min(KC, k - pc);
                    float[] bp = s.b(roundUp(nb, NR) * kc);
                    GemmPack.packB(transB, b, bOff, ldb, pc, kc, j0, nb, bp);
                    macroKernel(kc, ap, pc * mcPad, irLo, irHi, mc, bp, nb, c, cOff + ic * ldc + j0, ldc,
                            pc == 0 ? beta : 1f, s.tile);
                }
            }
        }
    }

    /**
     * C rows [irLo, irHi) × [0, nb) at cBase (+= ir·ldc) += one k block: the packed A panels of those
     * rows times the packed B block. C is first multiplied by beta (0: overwritten, never read, so
     * NaNs in C do not leak), as the kernel only adds.
     *
     * <p>A static method of its own, called once per k block, rather than loops inline in the task
     * body: the JIT compiles it after a few calls, while the task body, entered ~8 times per product,
     * stays interpreted for a dozen products, which showed as 2-thread 1024³ runs needing ~18 calls
     * to reach full speed.
     */
    private static void macroKernel(int kc, float[] ap, int aBlock, int irLo, int irHi, int mc, float[] bp, int nb,
                                    float[] c, int cBase, int ldc, float beta, float[] tile) {
        for (int ir = irLo; ir < irHi; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int ai = aBlock + ir * kc;
            int cRow = cBase + ir * ldc;
            if (beta != 1f) {
                for (int r = 0; r < mr; r++) scaleRow(c, cRow + r * ldc, nb, beta);
            }
            // Full tiles straight into C; edge tiles (fewer than MR rows or NR columns) into a
            // scratch tile whose valid part is then added to C.
            int full = mr == MR ? nb / NR : 0;
            GemmKernel.kernel(kc, ap, ai, bp, 0, full, c, cRow, ldc);
            for (int jr = full * NR; jr < nb; jr += NR) {
                Arrays.fill(tile, 0f);
                GemmKernel.kernel(kc, ap, ai, bp, jr * kc, 1, tile, 0, NR);
                merge(tile, mr, Math.min(NR, nb - jr), c, cRow + jr, ldc);
            }
        }
    }

    /** Adds the top-left mr×nr of an MR×NR edge tile into C. */
    private static void merge(float[] tile, int mr, int nr, float[] c, int ci, int ldc) {
        for (int r = 0; r < mr; r++) {
            int t = r * NR, o = ci + r * ldc;
            for (int j = 0; j < nr; j++) c[o + j] += tile[t + j];
        }
    }

    /** C = beta·C; beta == 0 stores zeros without reading C. */
    static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
        if (beta == 1f) return;
        Parallel.forRange(m, Math.max(1, (1 << 16) / n), (lo, hi) -> {
            for (int i = lo; i < hi; i++) scaleRow(c, cOff + i * ldc, n, beta);
        });
    }

    private static void scaleRow(float[] c, int from, int len, float beta) {
        if (beta == 0f) Arrays.fill(c, from, from + len, 0f);
        else for (int j = from; j < from + len; j++) c[j] *= beta;
    }

    private static void checkMatrix(String name, float[] x, int off, int rows, int cols, int ld) {
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("leading dimension of " + name + " is " + ld + ", needs >= " + Math.max(1, cols));
        }
        if (rows == 0 || cols == 0) return;
        long last = (long) off + (long) (rows - 1) * ld + cols;
        if (off < 0 || last > x.length) {
            throw new IndexOutOfBoundsException(name + ": a " + rows + "x" + cols + " matrix at offset " + off
                    + " with leading dimension " + ld + " does not fit in an array of " + x.length);
        }
    }

    static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }

    static int roundUp(int x, int y) {
        return ceilDiv(x, y) * y;
    }

    /** Per-thread pack buffers, grown on demand and reused by every later call on the thread. */
    private static final class Scratch {
        private float[] a = new float[0];
        private float[] b = new float[0];
        final float[] tile = new float[MR * NR];

        float[] a(int size) {
            if (a.length < size) a = new float[size];
            return a;
        }

        float[] b(int size) {
            if (b.length < size) b = new float[size];
            return b;
        }
    }
}
