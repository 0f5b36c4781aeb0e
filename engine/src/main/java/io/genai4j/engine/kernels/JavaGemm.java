package io.genai4j.engine.kernels;

import static io.genai4j.engine.kernels.GemmKernel.MR;
import static io.genai4j.engine.kernels.GemmKernel.NR;

/**
 * Pure-Java SGEMM: Goto/BLIS cache blocking around the {@link GemmKernel} micro-kernel, with
 * operands packed by {@link GemmPack}.
 *
 * <p>Loop nest (outermost first) and what each level keeps in cache:
 * <pre>
 *   pc: k in KC steps         C gets one read-modify-write pass per step
 *   ic: m in MC steps         pack op(A) block MC×KC (threads share it; stays in L3)
 *   jc: n in column blocks    one thread packs op(B) block KC×NC into its own buffer (stays in L2)
 *   ir: MR rows               the A micro-panel MR×KC stays in L1 across the jr loop
 *   jr: NR columns            B micro-panel streams from L2; micro-kernel
 * </pre>
 * Every element of op(A) is packed once per column-block sweep of its rows, every element of op(B)
 * once per MC rows, so packing is O(mk + nk·m/MC) against O(mnk) work.
 *
 * <p>Threads split the column blocks, each packing its own op(B) block; op(A) is packed once per
 * block by all threads together. Tiny and skinny shapes skip packing ({@link GemmSmall}).
 */
public final class JavaGemm implements Gemm {
    public static final JavaGemm INSTANCE = new JavaGemm();

    /** Depth of a packed block: the A micro-panel (MR·KC floats = 12 KiB) sits in L1. */
    static final int KC = 256;
    /** Rows of A packed at once (a multiple of MR): 2 MiB at KC = 256, in L3, so B is rarely repacked. */
    static final int MC = 170 * MR;
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

    /** One blocked multiply; the fields of the current (pc, ic) step are read by the parallel bodies. */
    private static final class Blocked {
        final boolean transA, transB;
        final int m, n, k;
        final float alpha, beta;
        final float[] a, b, c;
        final int aOff, lda, bOff, ldb, cOff, ldc;
        final int blockCols;
        float[] ap;
        int pc, kc, ic, mc;
        boolean add;

        Blocked(boolean transA, boolean transB, int m, int n, int k, float alpha,
                float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                float beta, float[] c, int cOff, int ldc) {
            this.transA = transA; this.transB = transB;
            this.m = m; this.n = n; this.k = k;
            this.alpha = alpha; this.beta = beta;
            this.a = a; this.aOff = aOff; this.lda = lda;
            this.b = b; this.bOff = bOff; this.ldb = ldb;
            this.c = c; this.cOff = cOff; this.ldc = ldc;
            int threads = Parallel.inside() ? 1 : Parallel.threads();
            // With several threads, aim for ~4 column blocks per thread so a thread slowed by a
            // neighbour does not hold up the rest; narrower blocks only cost L2 reuse.
            int cols = threads == 1 ? NC : roundUp(ceilDiv(n, 4 * threads), NR);
            this.blockCols = Math.max(NR, Math.min(NC, cols));
        }

        void run() {
            if (beta != 0f && beta != 1f) scale(m, n, beta, c, cOff, ldc);
            Scratch own = SCRATCH.get();
            ap = own.a(roundUp(Math.min(MC, m), MR) * Math.min(KC, k));
            int blocks = ceilDiv(n, blockCols);
            for (pc = 0; pc < k; pc += KC) {
                kc = Math.min(KC, k - pc);
                // beta == 0: the first k block overwrites C, so C is never read (NaNs do not leak).
                add = pc > 0 || beta != 0f;
                for (ic = 0; ic < m; ic += MC) {
                    mc = Math.min(MC, m - ic);
                    Parallel.forRange(ceilDiv(mc, MR), 8, this::packA);
                    Parallel.forRange(blocks, 1, this::compute);
                }
            }
        }

        private void packA(int q0, int q1) {
            GemmPack.packA(transA, a, aOff, lda, ic, mc, pc, kc, alpha, ap, q0, q1);
        }

        private void compute(int blockLo, int blockHi) {
            Scratch s = SCRATCH.get();
            for (int blk = blockLo; blk < blockHi; blk++) {
                int j0 = blk * blockCols;
                int nb = Math.min(blockCols, n - j0);
                float[] bp = s.b(roundUp(nb, NR) * kc);
                GemmPack.packB(transB, b, bOff, ldb, pc, kc, j0, nb, bp);
                for (int ir = 0; ir < mc; ir += MR) {
                    int mr = Math.min(MR, mc - ir);
                    int ai = ir * kc;
                    int cRow = cOff + (ic + ir) * ldc + j0;
                    for (int jr = 0; jr < nb; jr += NR) {
                        int nr = Math.min(NR, nb - jr);
                        if (mr == MR && nr == NR) {
                            GemmKernel.kernel(kc, ap, ai, bp, jr * kc, c, cRow + jr, ldc, add);
                        } else {
                            GemmKernel.kernel(kc, ap, ai, bp, jr * kc, s.tile, 0, NR, false);
                            merge(s.tile, mr, nr, c, cRow + jr, ldc, add);
                        }
                    }
                }
            }
        }
    }

    /** Adds (or stores) the top-left mr×nr of an MR×NR edge tile into C. */
    private static void merge(float[] tile, int mr, int nr, float[] c, int ci, int ldc, boolean add) {
        for (int r = 0; r < mr; r++) {
            int t = r * NR, o = ci + r * ldc;
            if (add) {
                for (int j = 0; j < nr; j++) c[o + j] += tile[t + j];
            } else {
                System.arraycopy(tile, t, c, o, nr);
            }
        }
    }

    /** C = beta·C; beta == 0 stores zeros without reading C. */
    static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
        if (beta == 1f) return;
        Parallel.forRange(m, Math.max(1, (1 << 16) / n), (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                int o = cOff + i * ldc;
                if (beta == 0f) java.util.Arrays.fill(c, o, o + n, 0f);
                else for (int j = 0; j < n; j++) c[o + j] *= beta;
            }
        });
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
