package io.genai4j.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JavaGemm against a double-precision triple loop, over the shapes and options the kernel special-cases. */
class JavaGemmTest {
    private static final Gemm GEMM = JavaGemm.INSTANCE;
    private static final int[] AWKWARD = {1, 2, 15, 16, 17, 31, 33, 63, 65, 127, 129, 257};
    private final int threadsBefore = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(threadsBefore);
    }

    /** One product: sizes, transposes, scalars, and padding around every matrix. */
    record Case(int m, int n, int k, boolean transA, boolean transB, float alpha, float beta, int pad, int off) {
        @Override
        public String toString() {
            return m + "x" + n + "x" + k + (transA ? " At" : " A") + (transB ? " Bt" : " B")
                    + " alpha=" + alpha + " beta=" + beta + " pad=" + pad + " off=" + off;
        }
    }

    static Stream<Arguments> awkwardSizes() {
        List<Arguments> cases = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(7);
        // Every awkward size in each dimension, with the other two drawn from the same list.
        for (int s : AWKWARD) {
            for (int dim = 0; dim < 3; dim++) {
                int m = dim == 0 ? s : AWKWARD[r.nextInt(AWKWARD.length)];
                int n = dim == 1 ? s : AWKWARD[r.nextInt(AWKWARD.length)];
                int k = dim == 2 ? s : AWKWARD[r.nextInt(AWKWARD.length)];
                boolean ta = r.nextBoolean(), tb = r.nextBoolean();
                cases.add(Arguments.of(new Case(m, n, k, ta, tb, 1f, 0f, r.nextInt(3), r.nextInt(5))));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("awkwardSizes")
    void awkwardSizesMatchReference(Case c) {
        check(c, 1);
    }

    static Stream<Arguments> transposesAndScalars() {
        List<Arguments> cases = new ArrayList<>();
        float[][] scalars = {{1f, 0f}, {1f, 1f}, {-0.5f, 0f}, {2f, -1.5f}, {0.75f, 1f}};
        // Shapes for each path: blocked (several k blocks, edge tiles), 1-3 rows (streamed or dot
        // products), 4-11 rows (4-row strips, with a narrower last strip), narrow n of one or two
        // strips (unpacked, Bᵀ transposed first), small and wide blocked.
        int[][] shapes = {{100, 90, 600}, {1, 70, 33}, {3, 45, 20}, {7, 130, 40}, {30, 64, 50},
                {20, 20, 20}, {40, 300, 17}};
        for (int[] s : shapes) {
            for (int t = 0; t < 4; t++) {
                for (float[] ab : scalars) {
                    cases.add(Arguments.of(new Case(s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0, ab[0], ab[1], 3, 5)));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transposesAndScalars")
    void transposesAndScalarsMatchReference(Case c) {
        check(c, 1);
    }

    static Stream<Arguments> skinny() {
        return Stream.of(
                new Case(1, 1, 1, false, false, 1f, 0f, 0, 0),
                new Case(1, 1, 1, true, true, 2f, 3f, 1, 1),
                new Case(1, 4096, 64, false, false, 1f, 0f, 0, 0),
                new Case(1, 515, 333, false, true, 1f, 0.5f, 2, 1),
                new Case(1, 200, 300, true, true, 1f, 0f, 0, 0),
                new Case(300, 1, 200, false, false, 1f, 0f, 1, 0),
                new Case(300, 1, 200, true, true, 1f, 1f, 0, 3),
                new Case(2, 3, 3000, false, true, 1f, 0f, 0, 0),
                new Case(13, 11, 4000, false, false, 1f, 0f, 0, 0),
                new Case(500, 13, 1, false, false, 1f, 0f, 0, 0),
                new Case(13, 500, 1, true, true, 1f, 0f, 0, 0),
                new Case(257, 3, 129, true, false, 1f, 0f, 1, 2),
                new Case(4, 4, 4, false, true, 1f, 0f, 0, 0),
                new Case(12, 32, 1, false, false, 1f, 0f, 0, 0),
                new Case(24, 64, 512, false, false, 1f, 1f, 0, 0),
                new Case(100, 64, 50, false, true, 1f, 0f, 1, 2),
                new Case(77, 128, 33, true, true, 0.5f, -1f, 0, 1),
                new Case(5, 64, 40, true, true, 1f, 0f, 2, 0),
                new Case(300, 128, 20, true, false, 1f, 0f, 0, 0)
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("skinny")
    void skinnyAndDegenerateShapesMatchReference(Case c) {
        check(c, 1);
    }

    @Test
    void oneAndTwoThreadsGiveTheSameResult() {
        // Large enough that the blocked path splits columns over threads and loops over k blocks.
        for (Case c : List.of(new Case(200, 530, 300, false, false, 1f, 0f, 0, 0),
                new Case(130, 1000, 300, true, true, 0.5f, 2f, 1, 3),
                new Case(2, 5000, 100, false, false, 1f, 0f, 0, 0),
                new Case(3, 3000, 100, false, true, 1f, 0f, 0, 0),
                new Case(11, 900, 200, false, true, 1f, 0f, 0, 0),
                new Case(500, 40, 300, false, false, 1f, 0f, 0, 0),
                new Case(301, 128, 70, true, false, 1f, 0.5f, 0, 0),
                new Case(203, 64, 70, false, false, 1f, 0f, 0, 0))) {
            Parallel.setThreads(1);
            float[] one = check(c, 1);
            Parallel.setThreads(2);
            float[] two = check(c, 1);
            assertArrayEquals(one, two, c.toString());
        }
    }

    @Test
    void severalRowBlocksMatchReference() {
        int saved = JavaGemm.aBlockFloats;
        try {
            // Room for 2 micro-panels of A at k = 300: the 100 rows become 5 row blocks of 24.
            JavaGemm.aBlockFloats = 2 * GemmKernel.MR * 300;
            for (int threads : new int[]{1, 2}) {
                Parallel.setThreads(threads);
                check(new Case(100, 70, 300, false, false, 1f, 0f, 1, 2), 1);
                check(new Case(100, 70, 300, true, true, -2f, 0.5f, 0, 0), 1);
            }
        } finally {
            JavaGemm.aBlockFloats = saved;
        }
    }

    @Test
    void concurrentCallersDoNotShareScratch() throws Exception {
        // Two caller threads at once: one gets the pool, the other runs inline; each must keep
        // its own pack buffers.
        Parallel.setThreads(2);
        Case[] cases = {new Case(150, 200, 300, false, false, 1f, 0f, 0, 0),
                new Case(160, 190, 310, true, true, 1f, 0f, 0, 0)};
        float[][] expected = new float[2][];
        for (int i = 0; i < 2; i++) expected[i] = check(cases[i], 1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<float[]>> results = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (Case c : cases) results.add(pool.submit(() -> check(c, 1)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertArrayEquals(expected[i % 2], results.get(i).get(), cases[i % 2].toString());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void betaZeroIgnoresNanInC() {
        for (Case c : List.of(new Case(50, 70, 300, false, false, 1f, 0f, 2, 1),
                new Case(2, 70, 30, false, true, 1f, 0f, 2, 1),
                new Case(5, 70, 30, false, false, 1f, 0f, 2, 1))) {
            check(c, Float.NaN);
        }
    }

    @Test
    void alphaZeroOnlyScalesC() {
        float[] a = {Float.NaN, Float.NaN}, b = {Float.NaN, Float.NaN};
        float[] c = {1f, 2f, 3f, 4f};
        GEMM.sgemm(false, false, 2, 2, 1, 0f, a, 0, 1, b, 0, 2, 0.5f, c, 0, 2);
        assertArrayEquals(new float[]{0.5f, 1f, 1.5f, 2f}, c);
        c = new float[]{Float.NaN, 2f, 3f, 4f};
        GEMM.sgemm(false, false, 2, 2, 0, 1f, a, 0, 1, b, 0, 2, 0f, c, 0, 2);
        assertArrayEquals(new float[4], c);
    }

    @Test
    void paddingOutsideCIsUntouched() {
        int m = 37, n = 45, k = 70, ldc = n + 9;
        SplittableRandom r = new SplittableRandom(3);
        float[] a = random(m * k, r), b = random(k * n, r);
        float[] c = new float[4 + m * ldc + 4];
        java.util.Arrays.fill(c, 42f);
        GEMM.sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 4, ldc);
        for (int i = 0; i < c.length; i++) {
            int rel = i - 4;
            boolean inside = rel >= 0 && rel < m * ldc && rel % ldc < n;
            if (!inside) assertEquals(42f, c[i], "index " + i);
        }
    }

    @Test
    void rejectsBadArguments() {
        float[] x = new float[16];
        assertThrows(IllegalArgumentException.class, () -> GEMM.sgemm(false, false, -1, 2, 2, 1f, x, 0, 2, x, 0, 2, 0f, x, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> GEMM.sgemm(false, false, 2, 2, 3, 1f, x, 0, 2, x, 0, 2, 0f, x, 0, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> GEMM.sgemm(false, false, 4, 4, 4, 1f, x, 1, 4, x, 0, 4, 0f, x, 0, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> GEMM.sgemm(true, false, 4, 4, 5, 1f, x, 0, 4, x, 0, 4, 0f, new float[64], 0, 4));
    }

    /**
     * Runs the case and compares every element of C (and that C's padding is untouched) with a
     * double-precision reference. cFill is the initial value of C, or NaN to prove beta == 0 does
     * not read C. Returns the result.
     */
    private static float[] check(Case t, float cFill) {
        SplittableRandom r = new SplittableRandom(31L * t.m() + 17L * t.n() + t.k());
        int aRows = t.transA() ? t.k() : t.m(), aCols = t.transA() ? t.m() : t.k();
        int bRows = t.transB() ? t.n() : t.k(), bCols = t.transB() ? t.k() : t.n();
        int lda = aCols + t.pad(), ldb = bCols + t.pad(), ldc = t.n() + t.pad();
        float[] a = random(t.off() + aRows * lda, r), b = random(t.off() + bRows * ldb, r);
        float[] c = new float[t.off() + t.m() * ldc];
        boolean nanC = Float.isNaN(cFill);
        for (int i = 0; i < c.length; i++) c[i] = nanC ? Float.NaN : (float) (r.nextDouble() * 2 - 1);
        float[] c0 = c.clone();

        GEMM.sgemm(t.transA(), t.transB(), t.m(), t.n(), t.k(), t.alpha(), a, t.off(), lda, b, t.off(), ldb,
                t.beta(), c, t.off(), ldc);

        // op(A) rows and op(B) columns as contiguous doubles, so the reference loop stays quick.
        double[][] opA = new double[t.m()][t.k()], opBt = new double[t.n()][t.k()];
        for (int p = 0; p < t.k(); p++) {
            for (int i = 0; i < t.m(); i++) opA[i][p] = t.transA() ? a[t.off() + p * lda + i] : a[t.off() + i * lda + p];
            for (int j = 0; j < t.n(); j++) opBt[j][p] = t.transB() ? b[t.off() + j * ldb + p] : b[t.off() + p * ldb + j];
        }
        // Inputs are uniform in [-1, 1): a sum of k products has spread ~ sqrt(k), and float rounding
        // of the accumulation grows with it; 1e-5·sqrt(k)·|alpha| is ~30x the expected error.
        double tol = 1e-5 * Math.sqrt(t.k()) * Math.max(1, Math.abs(t.alpha())) + 1e-6 * Math.abs(t.beta());
        for (int i = 0; i < t.m(); i++) {
            double[] ai = opA[i];
            for (int j = 0; j < t.n(); j++) {
                double[] bj = opBt[j];
                double s = 0;
                for (int p = 0; p < t.k(); p++) s += ai[p] * bj[p];
                int ci = t.off() + i * ldc + j;
                double want = t.alpha() * s + (t.beta() == 0f ? 0 : t.beta() * (double) c0[ci]);
                if (!(Math.abs(c[ci] - want) <= tol)) {
                    fail(t + ": C(" + i + "," + j + ") = " + c[ci] + ", want " + want + " (tolerance " + tol + ")");
                }
            }
        }
        for (int i = 0; i < c.length; i++) {
            int rel = i - t.off();
            boolean inside = rel >= 0 && rel % ldc < t.n();
            if (!inside) assertTrue(Float.compare(c[i], c0[i]) == 0, t + ": padding of C changed at " + i);
        }
        return c;
    }

    private static float[] random(int size, SplittableRandom r) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = (float) (r.nextDouble() * 2 - 1);
        return x;
    }
}
