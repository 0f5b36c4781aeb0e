package io.genai4j.engine.kernels;

import static io.genai4j.engine.kernels.GemmKernel.S;
import static io.genai4j.engine.kernels.GemmKernel.V;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * SGEMM without packing, for the shapes where packing costs more than it saves ({@link #handles}):
 * fewer rows than the micro-kernel's MR (m = 1 is a matrix-vector product), or C only one or two
 * 4-vector strips wide (attention-sized products), where the packed A would serve only n columns.
 *
 * <ul>
 *   <li>op(B) = B, 1-3 rows: each C row streams B row by row (unit stride; B usually comes from
 *       DRAM here) and accumulates in C, which stays in L1.
 *   <li>op(B) = B, otherwise: strips of C 4 vectors wide, 4 rows at a time in 16 accumulators,
 *       broadcasting A(i, p) against row p of B; each B load serves 4 rows. op(A) may be
 *       transposed: it is read in place through row and column strides.
 *   <li>op(B) = Bᵀ, A not transposed, fewer than MR rows (x·Wᵀ, the linear layer of batch-1
 *       inference): both operands are contiguous along k, so each C(i, j) is a dot product of two
 *       rows, 4 at a time.
 *   <li>op(B) = Bᵀ otherwise (attention scores Q·Kᵀ with a narrow K): Bᵀ is transposed into a
 *       scratch k×n matrix and the strips take over.
 * </ul>
 * Threads split the columns of C, and the rows too when there are few column strips.
 */
final class GemmSmall {
    /** Columns of C one axpy kernel call produces. */
    private static final int NB = 4 * V;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private GemmSmall() {}

    /**
     * Whether the unpacked path is the faster one for this shape. Measured on the dev machine
     * (1 thread, GFLOP/s, unpacked vs blocked): 64×64×64 230 vs 120, 256×64×64 243 vs 156,
     * 64×128×64 223 vs 148, 16×1024×1024 166 vs 106, 4×1024×1024·Bᵀ 64 vs 21, 11×1024×1024·Bᵀ 72 vs
     * 59; but 128³ 176 vs 190, 96³ 161 vs 174, 32³ 65 vs 85. With n of one or two 4V strips the
     * blocked path spends as long packing A (used for only n columns) as multiplying; with fewer
     * than MR rows it wastes most of each micro-tile. Other shapes pack.
     */
    static boolean handles(boolean transA, boolean transB, int m, int n, int k) {
        boolean narrow = n % NB == 0 && n <= 2 * NB;
        if (!transB) return m < GemmKernel.MR || narrow;
        return (!transA && m < GemmKernel.MR) || narrow;
    }

    static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        if (transB && (transA || m >= GemmKernel.MR)) {
            // A narrow Bᵀ (attention scores Q·Kᵀ): transpose it, n×k into k×n, and take the strip
            // path; cheaper than packing A for so few columns (1 thread, GFLOP/s, blocked before:
            // 64×64×32 105 vs 86, 128×128×64 158 vs 112).
            float[] bt = SCRATCH.get().transposed(k * n);
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < k; p++) bt[p * n + j] = b[bOff + j * ldb + p];
            }
            sgemm(transA, false, m, n, k, alpha, a, aOff, lda, bt, 0, n, beta, c, cOff, ldc);
            return;
        }
        // Element (i, p) of op(A) is a[aOff + i*rs + p*cs].
        int rs = transA ? 1 : lda, cs = transA ? lda : 1;
        long work = (long) m * n * k;
        int threads = Parallel.inside() ? 1 : Parallel.threads();
        if (!transB && m <= STREAM_ROWS) {
            int chunkCols = threads == 1 ? STREAM_COLS : Math.min(STREAM_COLS, JavaGemm.roundUp(JavaGemm.ceilDiv(n, 2 * threads), V));
            int chunks = JavaGemm.ceilDiv(n, chunkCols);
            Parallel.forRange(chunks, grain(work, chunks), (lo, hi) -> {
                for (int q = lo; q < hi; q++) {
                    int j = q * chunkCols, cols = Math.min(chunkCols, n - j);
                    for (int i = 0; i < m; i++) {
                        streamRow(k, a, aOff + i * rs, cs, b, bOff + j, ldb, c, cOff + i * ldc + j, cols, alpha, beta);
                    }
                }
            });
        } else if (!transB) {
            int strips = JavaGemm.ceilDiv(n, NB), groups = JavaGemm.ceilDiv(m, 4);
            // Few strips (narrow n): split the rows too, so every thread gets work.
            int parts = threads == 1 ? 1 : Math.min(groups, JavaGemm.ceilDiv(2 * threads, strips));
            int tasks = strips * parts;
            Parallel.forRange(tasks, grain(work, tasks), (lo, hi) -> {
                Scratch sc = SCRATCH.get();
                for (int task = lo; task < hi; task++) {
                    int s = task / parts, part = task % parts;
                    int j = s * NB, cols = Math.min(NB, n - j);
                    int iLo = groups * part / parts * 4, iHi = Math.min(m, groups * (part + 1) / parts * 4);
                    if (cols == NB) {
                        int i = iLo;
                        for (; i + 4 <= iHi; i += 4) {
                            axpy4(k, a, aOff + i * rs, rs, cs, b, bOff + j, ldb, c, cOff + i * ldc + j, ldc, alpha, beta);
                        }
                        for (; i < iHi; i++) {
                            axpy1(k, a, aOff + i * rs, cs, b, bOff + j, ldb, c, cOff + i * ldc + j, alpha, beta);
                        }
                    } else {
                        // The last, narrower strip: copy it zero-padded to full width and build C
                        // tiles in a buffer, so the kernels need no masked loads or stores (masked
                        // accesses near the end of an array fall off C2's fast path: 4x slower).
                        float[] strip = sc.strip(k * NB);
                        for (int p = 0; p < k; p++) {
                            System.arraycopy(b, bOff + p * ldb + j, strip, p * NB, cols);
                            Arrays.fill(strip, p * NB + cols, (p + 1) * NB, 0f);
                        }
                        int i = iLo;
                        for (; i + 4 <= iHi; i += 4) {
                            axpy4(k, a, aOff + i * rs, rs, cs, strip, 0, NB, sc.tile, 0, NB, 1f, 0f);
                            merge(sc.tile, 4, cols, c, cOff + i * ldc + j, ldc, alpha, beta);
                        }
                        for (; i < iHi; i++) {
                            axpy1(k, a, aOff + i * rs, cs, strip, 0, NB, sc.tile, 0, 1f, 0f);
                            merge(sc.tile, 1, cols, c, cOff + i * ldc + j, ldc, alpha, beta);
                        }
                    }
                }
            });
        } else {
            int quads = JavaGemm.ceilDiv(n, 4);
            Parallel.forRange(quads, grain(work, quads), (lo, hi) -> {
                float[] lanes = SCRATCH.get().tile;
                // Rows of A inside: the four B rows of a quad stay in L1/L2 for all m rows of A.
                for (int q = lo; q < hi; q++) {
                    int j = 4 * q;
                    for (int i = 0; i < m; i++) {
                        dot4(k, a, aOff + i * lda, b, bOff, ldb, j, Math.min(4, n - j), c, cOff + i * ldc + j, alpha, beta, lanes);
                    }
                }
            });
        }
    }

    /**
     * Up to this many rows with op(B) = B, each C row streams all of B row by row. For 1×4096×4096
     * (B from DRAM) that runs at 16-18 GFLOP/s against 3-6 for the 4-row strips, whose walk down
     * B at a stride of one row defeats the prefetchers; from 4 rows on the strips win (m = 4: 16 vs
     * 18 at 4096², 97 vs 48 at 1024² where B fits in L3).
     */
    private static final int STREAM_ROWS = 3;
    /** Columns of one streamed chunk: its C row (16 KiB) stays in L1 while B streams past. */
    private static final int STREAM_COLS = 4096;

    /**
     * One C row over columns [j, j+cols) by streaming B row by row, four rows of B per pass over the
     * C row. Reads B with unit stride, which is what matters when B comes from DRAM.
     */
    private static void streamRow(int k, float[] a, int ai, int cs, float[] b, int bi, int ldb,
                                  float[] c, int ci, int cols, float alpha, float beta) {
        if (beta == 0f) Arrays.fill(c, ci, ci + cols, 0f);
        else if (beta != 1f) for (int j = 0; j < cols; j++) c[ci + j] *= beta;
        int full = cols - cols % V;
        int p = 0;
        for (; p + 4 <= k; p += 4) {
            float s0 = alpha * a[ai + p * cs], s1 = alpha * a[ai + (p + 1) * cs];
            float s2 = alpha * a[ai + (p + 2) * cs], s3 = alpha * a[ai + (p + 3) * cs];
            FloatVector x0 = FloatVector.broadcast(S, s0), x1 = FloatVector.broadcast(S, s1);
            FloatVector x2 = FloatVector.broadcast(S, s2), x3 = FloatVector.broadcast(S, s3);
            int o0 = bi + p * ldb, o1 = o0 + ldb, o2 = o1 + ldb, o3 = o2 + ldb;
            for (int j = 0; j < full; j += V) {
                FloatVector acc = FloatVector.fromArray(S, c, ci + j);
                acc = x0.fma(FloatVector.fromArray(S, b, o0 + j), acc);
                acc = x1.fma(FloatVector.fromArray(S, b, o1 + j), acc);
                acc = x2.fma(FloatVector.fromArray(S, b, o2 + j), acc);
                acc = x3.fma(FloatVector.fromArray(S, b, o3 + j), acc);
                acc.intoArray(c, ci + j);
            }
            for (int j = full; j < cols; j++) {
                c[ci + j] += s0 * b[o0 + j] + s1 * b[o1 + j] + s2 * b[o2 + j] + s3 * b[o3 + j];
            }
        }
        for (; p < k; p++) {
            float s0 = alpha * a[ai + p * cs];
            FloatVector x0 = FloatVector.broadcast(S, s0);
            int o0 = bi + p * ldb;
            for (int j = 0; j < full; j += V) {
                x0.fma(FloatVector.fromArray(S, b, o0 + j), FloatVector.fromArray(S, c, ci + j)).intoArray(c, ci + j);
            }
            for (int j = full; j < cols; j++) c[ci + j] += s0 * b[o0 + j];
        }
    }

    /** C(i.., j..) = alpha·tile + beta·C for the top-left rows×cols of a 4V-wide tile. */
    private static void merge(float[] tile, int rows, int cols, float[] c, int ci, int ldc, float alpha, float beta) {
        for (int r = 0; r < rows; r++) {
            int t = r * NB, o = ci + r * ldc;
            for (int j = 0; j < cols; j++) {
                c[o + j] = beta == 0f ? alpha * tile[t + j] : alpha * tile[t + j] + beta * c[o + j];
            }
        }
    }

    /**
     * Per-thread buffers: the tile and copied strip of the last, narrower strip of columns (the
     * tile also holds the dot products' lanes), and a transposed narrow Bᵀ.
     */
    private static final class Scratch {
        final float[] tile = new float[4 * NB];
        private float[] strip = new float[0];
        private float[] transposed = new float[0];

        float[] strip(int size) {
            if (strip.length < size) strip = new float[size];
            return strip;
        }

        float[] transposed(int size) {
            if (transposed.length < size) transposed = new float[size];
            return transposed;
        }
    }

    /** Chunks worth about 256k multiply-adds each, so small products run on one thread. */
    private static int grain(long work, int units) {
        long perUnit = Math.max(1, work / units);
        return (int) Math.max(1, Math.min(units, (1L << 18) / perUnit));
    }

    /** C rows i..i+3 × 4V columns: 16 accumulators, each B load shared by 4 rows. */
    private static void axpy4(int k, float[] a, int ai, int rs, int cs, float[] b, int bi, int ldb,
                              float[] c, int ci, int ldc, float alpha, float beta) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z, c03 = z, c10 = z, c11 = z, c12 = z, c13 = z;
        FloatVector c20 = z, c21 = z, c22 = z, c23 = z, c30 = z, c31 = z, c32 = z, c33 = z;
        int a0 = ai, a1 = ai + rs, a2 = ai + 2 * rs, a3 = ai + 3 * rs;
        for (int p = 0; p < k; p++) {
            int o = bi + p * ldb, q = p * cs;
            FloatVector b0 = FloatVector.fromArray(S, b, o);
            FloatVector b1 = FloatVector.fromArray(S, b, o + V);
            FloatVector b2 = FloatVector.fromArray(S, b, o + 2 * V);
            FloatVector b3 = FloatVector.fromArray(S, b, o + 3 * V);
            FloatVector x = FloatVector.broadcast(S, a[a0 + q]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01); c02 = x.fma(b2, c02); c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(S, a[a1 + q]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11); c12 = x.fma(b2, c12); c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(S, a[a2 + q]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21); c22 = x.fma(b2, c22); c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(S, a[a3 + q]);
            c30 = x.fma(b0, c30); c31 = x.fma(b1, c31); c32 = x.fma(b2, c32); c33 = x.fma(b3, c33);
        }
        // Written out: see GemmKernel on why vector code here calls no helper methods.
        int r1 = ci + ldc, r2 = r1 + ldc, r3 = r2 + ldc;
        if (beta == 0f) {
            c00.mul(alpha).intoArray(c, ci); c01.mul(alpha).intoArray(c, ci + V);
            c02.mul(alpha).intoArray(c, ci + 2 * V); c03.mul(alpha).intoArray(c, ci + 3 * V);
            c10.mul(alpha).intoArray(c, r1); c11.mul(alpha).intoArray(c, r1 + V);
            c12.mul(alpha).intoArray(c, r1 + 2 * V); c13.mul(alpha).intoArray(c, r1 + 3 * V);
            c20.mul(alpha).intoArray(c, r2); c21.mul(alpha).intoArray(c, r2 + V);
            c22.mul(alpha).intoArray(c, r2 + 2 * V); c23.mul(alpha).intoArray(c, r2 + 3 * V);
            c30.mul(alpha).intoArray(c, r3); c31.mul(alpha).intoArray(c, r3 + V);
            c32.mul(alpha).intoArray(c, r3 + 2 * V); c33.mul(alpha).intoArray(c, r3 + 3 * V);
        } else {
            FloatVector bv = FloatVector.broadcast(S, beta);
            FloatVector.fromArray(S, c, ci).mul(bv).add(c00.mul(alpha)).intoArray(c, ci);
            FloatVector.fromArray(S, c, ci + V).mul(bv).add(c01.mul(alpha)).intoArray(c, ci + V);
            FloatVector.fromArray(S, c, ci + 2 * V).mul(bv).add(c02.mul(alpha)).intoArray(c, ci + 2 * V);
            FloatVector.fromArray(S, c, ci + 3 * V).mul(bv).add(c03.mul(alpha)).intoArray(c, ci + 3 * V);
            FloatVector.fromArray(S, c, r1).mul(bv).add(c10.mul(alpha)).intoArray(c, r1);
            FloatVector.fromArray(S, c, r1 + V).mul(bv).add(c11.mul(alpha)).intoArray(c, r1 + V);
            FloatVector.fromArray(S, c, r1 + 2 * V).mul(bv).add(c12.mul(alpha)).intoArray(c, r1 + 2 * V);
            FloatVector.fromArray(S, c, r1 + 3 * V).mul(bv).add(c13.mul(alpha)).intoArray(c, r1 + 3 * V);
            FloatVector.fromArray(S, c, r2).mul(bv).add(c20.mul(alpha)).intoArray(c, r2);
            FloatVector.fromArray(S, c, r2 + V).mul(bv).add(c21.mul(alpha)).intoArray(c, r2 + V);
            FloatVector.fromArray(S, c, r2 + 2 * V).mul(bv).add(c22.mul(alpha)).intoArray(c, r2 + 2 * V);
            FloatVector.fromArray(S, c, r2 + 3 * V).mul(bv).add(c23.mul(alpha)).intoArray(c, r2 + 3 * V);
            FloatVector.fromArray(S, c, r3).mul(bv).add(c30.mul(alpha)).intoArray(c, r3);
            FloatVector.fromArray(S, c, r3 + V).mul(bv).add(c31.mul(alpha)).intoArray(c, r3 + V);
            FloatVector.fromArray(S, c, r3 + 2 * V).mul(bv).add(c32.mul(alpha)).intoArray(c, r3 + 2 * V);
            FloatVector.fromArray(S, c, r3 + 3 * V).mul(bv).add(c33.mul(alpha)).intoArray(c, r3 + 3 * V);
        }
    }

    /** One C row × 4V columns; k is unrolled by two for 8 independent FMA chains. */
    private static void axpy1(int k, float[] a, int ai, int cs, float[] b, int bi, int ldb,
                              float[] c, int ci, float alpha, float beta) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c0 = z, c1 = z, c2 = z, c3 = z, d0 = z, d1 = z, d2 = z, d3 = z;
        int p = 0;
        for (; p + 2 <= k; p += 2) {
            int o = bi + p * ldb, o2 = o + ldb;
            FloatVector x = FloatVector.broadcast(S, a[ai + p * cs]);
            FloatVector y = FloatVector.broadcast(S, a[ai + (p + 1) * cs]);
            c0 = x.fma(FloatVector.fromArray(S, b, o), c0);
            c1 = x.fma(FloatVector.fromArray(S, b, o + V), c1);
            c2 = x.fma(FloatVector.fromArray(S, b, o + 2 * V), c2);
            c3 = x.fma(FloatVector.fromArray(S, b, o + 3 * V), c3);
            d0 = y.fma(FloatVector.fromArray(S, b, o2), d0);
            d1 = y.fma(FloatVector.fromArray(S, b, o2 + V), d1);
            d2 = y.fma(FloatVector.fromArray(S, b, o2 + 2 * V), d2);
            d3 = y.fma(FloatVector.fromArray(S, b, o2 + 3 * V), d3);
        }
        if (p < k) {
            int o = bi + p * ldb;
            FloatVector x = FloatVector.broadcast(S, a[ai + p * cs]);
            c0 = x.fma(FloatVector.fromArray(S, b, o), c0);
            c1 = x.fma(FloatVector.fromArray(S, b, o + V), c1);
            c2 = x.fma(FloatVector.fromArray(S, b, o + 2 * V), c2);
            c3 = x.fma(FloatVector.fromArray(S, b, o + 3 * V), c3);
        }
        c0 = c0.add(d0).mul(alpha); c1 = c1.add(d1).mul(alpha); c2 = c2.add(d2).mul(alpha); c3 = c3.add(d3).mul(alpha);
        if (beta != 0f) {
            FloatVector bv = FloatVector.broadcast(S, beta);
            c0 = FloatVector.fromArray(S, c, ci).fma(bv, c0);
            c1 = FloatVector.fromArray(S, c, ci + V).fma(bv, c1);
            c2 = FloatVector.fromArray(S, c, ci + 2 * V).fma(bv, c2);
            c3 = FloatVector.fromArray(S, c, ci + 3 * V).fma(bv, c3);
        }
        c0.intoArray(c, ci); c1.intoArray(c, ci + V); c2.intoArray(c, ci + 2 * V); c3.intoArray(c, ci + 3 * V);
    }

    /**
     * C(i, j..j+cols) for cols ≤ 4: dot products of A row i with rows j.. of the stored n×k matrix
     * (op(B) = Bᵀ). Missing rows past cols repeat row j and are not stored. Two vectors of k per step
     * give 8 independent FMA chains.
     */
    private static void dot4(int k, float[] a, int ai, float[] b, int bOff, int ldb, int j, int cols,
                             float[] c, int ci, float alpha, float beta, float[] lanes) {
        int b0 = bOff + j * ldb;
        int b1 = cols > 1 ? b0 + ldb : b0, b2 = cols > 2 ? b0 + 2 * ldb : b0, b3 = cols > 3 ? b0 + 3 * ldb : b0;
        FloatVector z = FloatVector.zero(S);
        FloatVector s0 = z, s1 = z, s2 = z, s3 = z, t0 = z, t1 = z, t2 = z, t3 = z;
        // A plain counted loop (p < limit): with "p + 2V <= k" C2 kept a range check on every load
        // and spilled index registers, and the loop ran at 26 GB/s against 39 for the nn stream.
        int limit = k - k % (2 * V);
        int p = 0;
        for (; p < limit; p += 2 * V) {
            FloatVector x = FloatVector.fromArray(S, a, ai + p), y = FloatVector.fromArray(S, a, ai + p + V);
            s0 = x.fma(FloatVector.fromArray(S, b, b0 + p), s0);
            s1 = x.fma(FloatVector.fromArray(S, b, b1 + p), s1);
            s2 = x.fma(FloatVector.fromArray(S, b, b2 + p), s2);
            s3 = x.fma(FloatVector.fromArray(S, b, b3 + p), s3);
            t0 = y.fma(FloatVector.fromArray(S, b, b0 + p + V), t0);
            t1 = y.fma(FloatVector.fromArray(S, b, b1 + p + V), t1);
            t2 = y.fma(FloatVector.fromArray(S, b, b2 + p + V), t2);
            t3 = y.fma(FloatVector.fromArray(S, b, b3 + p + V), t3);
        }
        if (p + V <= k) {
            FloatVector x = FloatVector.fromArray(S, a, ai + p);
            s0 = x.fma(FloatVector.fromArray(S, b, b0 + p), s0);
            s1 = x.fma(FloatVector.fromArray(S, b, b1 + p), s1);
            s2 = x.fma(FloatVector.fromArray(S, b, b2 + p), s2);
            s3 = x.fma(FloatVector.fromArray(S, b, b3 + p), s3);
            p += V;
        }
        // Lanes summed in a fixed order, not with reduceLanes: its order is unspecified and differs
        // between compiled and interpreted code, so results would depend on JIT timing (seen as
        // 1-thread and 2-thread runs disagreeing in the last bit with 128-bit vectors).
        s0.add(t0).intoArray(lanes, 0); s1.add(t1).intoArray(lanes, V);
        s2.add(t2).intoArray(lanes, 2 * V); s3.add(t3).intoArray(lanes, 3 * V);
        float r0 = 0f, r1 = 0f, r2 = 0f, r3 = 0f;
        for (int l = 0; l < V; l++) {
            r0 += lanes[l]; r1 += lanes[V + l]; r2 += lanes[2 * V + l]; r3 += lanes[3 * V + l];
        }
        // Scalar tail rather than masked loads, which leave C2's fast path near the end of an array.
        for (; p < k; p++) {
            float x = a[ai + p];
            r0 += x * b[b0 + p]; r1 += x * b[b1 + p]; r2 += x * b[b2 + p]; r3 += x * b[b3 + p];
        }
        c[ci] = beta == 0f ? alpha * r0 : alpha * r0 + beta * c[ci];
        if (cols > 1) c[ci + 1] = beta == 0f ? alpha * r1 : alpha * r1 + beta * c[ci + 1];
        if (cols > 2) c[ci + 2] = beta == 0f ? alpha * r2 : alpha * r2 + beta * c[ci + 2];
        if (cols > 3) c[ci + 3] = beta == 0f ? alpha * r3 : alpha * r3 + beta * c[ci + 3];
    }
}
