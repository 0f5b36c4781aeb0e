package io.genai4j.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OpenBlasGemm against a double-precision reference. The engine's test class path carries the
 * org.bytedeco:openblas platform jar, so a clean clone finds a library; on a platform that jar does
 * not cover (and with no system OpenBLAS) the tests are skipped with the loader's message.
 */
class OpenBlasGemmTest {

    private static OpenBlasGemm gemm;

    @BeforeAll
    static void loadLibrary() {
        try {
            gemm = OpenBlasGemm.load();
        } catch (IllegalStateException e) {
            assumeTrue(false, "skipping: no OpenBLAS for this platform: " + e.getMessage());
        }
    }

    /** transA, transB, m, n, k, alpha, beta, padding added to each leading dimension, array offset. */
    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> s = Stream.builder();
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                s.add(Arguments.of(ta, tb, 1, 1, 1, 1f, 0f, 0, 0));
                s.add(Arguments.of(ta, tb, 7, 5, 3, 1f, 0f, 0, 0));
                s.add(Arguments.of(ta, tb, 33, 17, 65, 1f, 0f, 3, 5));        // ld > row length, offsets
                s.add(Arguments.of(ta, tb, 64, 48, 40, -0.5f, 2f, 0, 11));    // alpha and beta
                s.add(Arguments.of(ta, tb, 129, 257, 96, 1.5f, -1f, 7, 1));   // large enough to thread
                s.add(Arguments.of(ta, tb, 1, 300, 200, 1f, 1f, 1, 0));       // a row vector times a matrix
            }
        }
        return s.build();
    }

    @ParameterizedTest(name = "transA={0} transB={1} {2}x{3}x{4} alpha={5} beta={6} pad={7} off={8}")
    @MethodSource("cases")
    void matchesDoubleReference(boolean transA, boolean transB, int m, int n, int k,
                                float alpha, float beta, int pad, int off) {
        check(gemm, transA, transB, m, n, k, alpha, beta, pad, off, 42);
    }

    @Test
    void betaZeroOverwritesNaNInC() {
        int m = 9, n = 10, k = 11;
        float[] a = random(m * k, 1), b = random(k * n, 2), c = new float[m * n];
        java.util.Arrays.fill(c, Float.NaN);
        gemm.sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
        for (float v : c) assertTrue(Float.isFinite(v), "NaN in C leaked through beta = 0");
    }

    @Test
    void emptyInnerDimensionScalesC() {
        float[] c = {1, 2, 3, 4, 5, 6};
        gemm.sgemm(false, false, 2, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 2, 3f, c, 1, 3);
        // C is 2x2 at offset 1 with ldc 3: elements 1, 2, 4, 5 are scaled, 0 and 3 are untouched.
        assertEquals(java.util.List.of(1f, 6f, 9f, 4f, 15f, 18f),
                java.util.List.of(c[0], c[1], c[2], c[3], c[4], c[5]));
    }

    @Test
    void rejectsArraysTooSmallAndBadLeadingDimensions() {
        float[] a = new float[12], b = new float[12], c = new float[9];
        // A is 3x4 and needs 12 floats: offset 1 runs past the end.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> gemm.sgemm(false, false, 3, 3, 4, 1f, a, 1, 4, b, 0, 3, 0f, c, 0, 3));
        assertTrue(e.getMessage().contains("A"), e.getMessage());
        assertThrows(IllegalArgumentException.class,   // lda < k
                () -> gemm.sgemm(false, false, 3, 3, 4, 1f, a, 0, 3, b, 0, 3, 0f, c, 0, 3));
        assertThrows(IllegalArgumentException.class,   // transposed B is 3x4 as stored: ldb must be >= 4
                () -> gemm.sgemm(false, true, 3, 3, 4, 1f, a, 0, 4, b, 0, 3, 0f, c, 0, 3));
        assertThrows(IllegalArgumentException.class,   // C too small
                () -> gemm.sgemm(false, false, 3, 3, 4, 1f, a, 0, 4, b, 0, 3, 0f, new float[8], 0, 3));
        assertThrows(IllegalArgumentException.class,
                () -> gemm.sgemm(false, false, -1, 3, 4, 1f, a, 0, 4, b, 0, 3, 0f, c, 0, 3));
    }

    @Test
    void callsFromInsideParallelBodiesAreCorrect() {
        // Several GEMMs at once from the kernel pool's threads: each must run on one OpenBLAS thread
        // and none may disturb another's result.
        int batches = 8, m = 70, n = 90, k = 110;
        float[][] as = new float[batches][], bs = new float[batches][], cs = new float[batches][];
        for (int i = 0; i < batches; i++) {
            as[i] = random(m * k, 10 + i);
            bs[i] = random(k * n, 20 + i);
            cs[i] = new float[m * n];
        }
        int before = Parallel.threads();
        Parallel.setThreads(2);
        try {
            Parallel.forEach(batches, i -> gemm.sgemm(false, false, m, n, k, 1f, as[i], 0, k, bs[i], 0, n, 0f, cs[i], 0, n));
            // And once more from outside, which switches OpenBLAS back to the pool's thread count.
            float[] c = new float[m * n];
            gemm.sgemm(false, false, m, n, k, 1f, as[0], 0, k, bs[0], 0, n, 0f, c, 0, n);
            float[] ref = reference(false, false, m, n, k, 1f, as[0], 0, k, bs[0], 0, n, 0f, new float[m * n], 0, n);
            assertClose(ref, c, 0, n, m, n, k, "outside call");
        } finally {
            Parallel.setThreads(before);
        }
        for (int i = 0; i < batches; i++) {
            float[] ref = reference(false, false, m, n, k, 1f, as[i], 0, k, bs[i], 0, n, 0f, new float[m * n], 0, n);
            assertClose(ref, cs[i], 0, n, m, n, k, "batch " + i);
        }
    }

    @Test
    void loadReturnsOneInstanceAndDescribesItself() {
        assertSame(gemm, OpenBlasGemm.load());
        assertSame(gemm, GemmBackends.byName("openblas"));
        assertEquals("openblas", gemm.name());
        assertTrue(gemm.describe().contains("OpenBLAS"), gemm.describe());
    }

    /**
     * The ILP64 path, on numpy's scipy_openblas64 when this machine has it (its symbols carry both a
     * "scipy_" prefix and a "64_" suffix). Skipped elsewhere: the LP64 tests above cover the rest.
     */
    @Test
    void ilp64LibraryFromNumpy() throws Exception {
        Path lib = numpyOpenBlas();
        assumeTrue(lib != null, "skipping: no numpy with a bundled scipy_openblas64 on this machine");
        OpenBlasGemm g64 = OpenBlasGemm.bind(SymbolLookup.libraryLookup(lib, Arena.global()), lib.toString())
                .orElseThrow();
        assertTrue(g64.ilp64(), g64.describe());
        check(g64, true, false, 45, 38, 70, 0.75f, 0.5f, 2, 3, 7);
        check(g64, false, true, 129, 257, 96, 1f, 0f, 0, 0, 8);
    }

    private static Path numpyOpenBlas() throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c",
                    "import numpy, os; print(os.path.join(os.path.dirname(os.path.dirname(numpy.__file__)), 'numpy.libs'))")
                    .redirectErrorStream(true).start();
        } catch (IOException noPython) {
            return null;
        }
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) return null;
        Path dir = Path.of(out);
        if (!Files.isDirectory(dir)) return null;
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().startsWith("libscipy_openblas64")).findFirst().orElse(null);
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static void check(Gemm g, boolean transA, boolean transB, int m, int n, int k,
                              float alpha, float beta, int pad, int off, long seed) {
        int aRows = transA ? k : m, aCols = transA ? m : k;
        int bRows = transB ? n : k, bCols = transB ? k : n;
        int lda = aCols + pad, ldb = bCols + pad, ldc = n + pad;
        float[] a = random(off + aRows * lda, seed);
        float[] b = random(off + bRows * ldb, seed + 1);
        float[] c = random(off + m * ldc + 5, seed + 2);     // 5 trailing guard elements
        float[] expected = reference(transA, transB, m, n, k, alpha, a, off, lda, b, off, ldb, beta, c.clone(), off, ldc);
        float[] before = c.clone();
        g.sgemm(transA, transB, m, n, k, alpha, a, off, lda, b, off, ldb, beta, c, off, ldc);
        assertClose(expected, c, off, ldc, m, n, k, "");
        // Everything outside the m x n window (offset, padding, guard) must be untouched.
        for (int idx = 0; idx < c.length; idx++) {
            int rel = idx - off;
            boolean inside = rel >= 0 && rel / ldc < m && rel % ldc < n;
            if (!inside) assertEquals(before[idx], c[idx], 0f, "element " + idx + " outside C was written");
        }
    }

    /** C = alpha·op(A)·op(B) + beta·C in double precision, rounded once; returns C. */
    private static float[] reference(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                     float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    double bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    s += av * bv;
                }
                int ci = cOff + i * ldc + j;
                c[ci] = (float) (beta == 0f ? alpha * s : alpha * s + (double) beta * c[ci]);
            }
        }
        return c;
    }

    private static void assertClose(float[] expected, float[] actual, int off, int ldc, int m, int n, int k, String what) {
        // Inputs are in [-1, 1): float rounding leaves errors around 1e-6 for these k, while a wrong
        // transpose, offset or leading dimension gives errors of order 1.
        double tol = 1e-6 * k + 1e-5;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int ci = off + i * ldc + j;
                double err = Math.abs(expected[ci] - actual[ci]);
                if (!(err <= tol)) {
                    throw new AssertionError(what + " C[" + i + "," + j + "] = " + actual[ci] + ", expected "
                            + expected[ci] + " (error " + err + " > " + tol + ")");
                }
            }
        }
    }

    private static float[] random(int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = (float) (r.nextDouble() * 2 - 1);
        return x;
    }
}
