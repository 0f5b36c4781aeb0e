package io.genai4j.engine.kernels;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * SGEMM through a native OpenBLAS's {@code cblas_sgemm}, called with the FFM API.
 *
 * <p>The Java arrays are handed to OpenBLAS in place: the downcall is linked with
 * {@link Linker.Option#critical(boolean) critical(true)}, which lets heap segments
 * ({@link MemorySegment#ofArray}) through without copying. The price is that the garbage collector
 * waits for the call to return, so this suits compute-bound calls, which is what GEMM is. Because
 * native code would corrupt the heap on an out-of-range access, every shape, leading dimension and
 * offset is checked here first.
 *
 * <p>OpenBLAS comes in two integer widths: LP64 (32-bit {@code int} sizes, the usual build) and ILP64
 * (64-bit sizes, as numpy's {@code scipy_openblas64} and Debian's {@code libopenblas64}). ILP64 builds
 * either suffix their symbols ({@code cblas_sgemm64_}) or say {@code USE64BITINT} in
 * {@code openblas_get_config()}; both are recognised and the downcall is linked to match.
 *
 * <p>Threads: OpenBLAS keeps its own thread pool, sized here to {@link Parallel#threads()} so that
 * {@code -Dgenai.threads} / {@code --threads} governs both backends alike. A call made from inside a
 * parallel body (a batched matmul already splitting over the cores) uses one OpenBLAS thread, as
 * {@link JavaGemm} does, so the two never oversubscribe the cores.
 *
 * <p>{@link #load()} finds the library once (see {@link OpenBlasLibrary} for the search order).
 */
public final class OpenBlasGemm implements Gemm {

    // CBLAS enum values (cblas.h): C enums are int-sized in both the LP64 and the ILP64 ABI.
    private static final int CBLAS_ROW_MAJOR = 101;
    private static final int CBLAS_NO_TRANS = 111;
    private static final int CBLAS_TRANS = 112;

    private static final Object LOAD_LOCK = new Object();
    private static volatile OpenBlasGemm instance;
    private static volatile String loadFailure;

    private final MethodHandle sgemm;
    private final MethodHandle setThreads; // null when the library has no openblas_set_num_threads
    private final boolean ilp64;
    private final String origin;
    private final String config;
    private final String coreName;
    // The thread count last given to OpenBLAS; -1 until the first call.
    private volatile int nativeThreads = -1;

    private OpenBlasGemm(MethodHandle sgemm, MethodHandle setThreads, boolean ilp64,
                         String origin, String config, String coreName) {
        this.sgemm = sgemm;
        this.setThreads = setThreads;
        this.ilp64 = ilp64;
        this.origin = origin;
        this.config = config;
        this.coreName = coreName;
    }

    /**
     * The OpenBLAS backend, loading the native library on the first call.
     *
     * @throws IllegalStateException when no OpenBLAS can be found, saying what to install; later
     *                               calls fail the same way without searching again
     */
    public static OpenBlasGemm load() {
        OpenBlasGemm g = instance;
        if (g != null) return g;
        synchronized (LOAD_LOCK) {
            if (instance != null) return instance;
            if (loadFailure != null) throw new IllegalStateException(loadFailure);
            try {
                instance = OpenBlasLibrary.locate();
                return instance;
            } catch (IllegalStateException e) {
                loadFailure = e.getMessage();
                throw e;
            }
        }
    }

    /**
     * Binds the symbols of a loaded library, or returns empty when it has no {@code cblas_sgemm}
     * under any of the names OpenBLAS builds use (so it is not an OpenBLAS the backend can use).
     */
    static Optional<OpenBlasGemm> bind(SymbolLookup lib, String origin) {
        // Symbol decorations seen in practice: plain (distribution builds, bytedeco), "64_" suffix
        // (ILP64 builds made with SYMBOLSUFFIX=64_), and numpy's wheels add a "scipy_" prefix.
        for (String prefix : new String[] {"", "scipy_"}) {
            for (String suffix : new String[] {"", "64_"}) {
                Optional<MemorySegment> fn = lib.find(prefix + "cblas_sgemm" + suffix);
                if (fn.isEmpty()) continue;
                Linker linker = Linker.nativeLinker();
                String config = callString(linker, lib.find(prefix + "openblas_get_config" + suffix));
                String core = callString(linker, lib.find(prefix + "openblas_get_corename" + suffix));
                boolean ilp64 = suffix.equals("64_") || (config != null && config.contains("USE64BITINT"));
                MemoryLayout size = ilp64 ? JAVA_LONG : JAVA_INT;
                FunctionDescriptor sig = FunctionDescriptor.ofVoid(
                        JAVA_INT, JAVA_INT, JAVA_INT, size, size, size,
                        JAVA_FLOAT, ADDRESS, size, ADDRESS, size, JAVA_FLOAT, ADDRESS, size);
                MethodHandle sgemm = linker.downcallHandle(fn.get(), sig, Linker.Option.critical(true));
                // openblas_set_num_threads takes a plain int in every build (cblas.h declares int).
                MethodHandle setThreads = lib.find(prefix + "openblas_set_num_threads" + suffix)
                        .map(s -> linker.downcallHandle(s, FunctionDescriptor.ofVoid(JAVA_INT)))
                        .orElse(null);
                return Optional.of(new OpenBlasGemm(sgemm, setThreads, ilp64, origin,
                        config == null ? "OpenBLAS (no openblas_get_config)" : config.trim().replaceAll("\\s+", " "),
                        core == null ? "unknown" : core.trim()));
            }
        }
        return Optional.empty();
    }

    private static String callString(Linker linker, Optional<MemorySegment> fn) {
        if (fn.isEmpty()) return null;
        try {
            MethodHandle h = linker.downcallHandle(fn.get(), FunctionDescriptor.of(ADDRESS));
            MemorySegment s = (MemorySegment) h.invokeExact();
            return s.equals(MemorySegment.NULL) ? null : s.reinterpret(4096).getString(0);
        } catch (Throwable t) {
            return null; // only used for reports and the ILP64 check; the symbol names decide otherwise
        }
    }

    @Override
    public String name() {
        return "openblas";
    }

    /** Where the library was loaded from, for reports. */
    public String origin() {
        return origin;
    }

    /** OpenBLAS's own build description ({@code openblas_get_config()}), e.g. "OpenBLAS 0.3.31 DYNAMIC_ARCH ...". */
    public String config() {
        return config;
    }

    /** The CPU kernel set OpenBLAS chose ({@code openblas_get_corename()}), e.g. "SkylakeX" or "Haswell". */
    public String coreName() {
        return coreName;
    }

    /** True when the library uses 64-bit integer sizes. */
    public boolean ilp64() {
        return ilp64;
    }

    /** One line for reports: version, kernel, integer width and where it came from. */
    public String describe() {
        return config + ", core " + coreName + ", " + (ilp64 ? "ILP64" : "LP64") + ", from " + origin;
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k,
                      float alpha, float[] a, int aOff, int lda,
                      float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("sgemm: negative size m=" + m + " n=" + n + " k=" + k);
        }
        checkMatrix("C", c, cOff, m, n, ldc);
        if (m == 0 || n == 0) return;
        if (k == 0) {
            // op(A)·op(B) is empty: C = beta·C. Done here because BLAS insists on lda >= 1 even then.
            scale(beta, c, cOff, m, n, ldc);
            return;
        }
        checkMatrix("A", a, aOff, transA ? k : m, transA ? m : k, lda);
        checkMatrix("B", b, bOff, transB ? n : k, transB ? k : n, ldb);

        int want = Parallel.inside() ? 1 : Parallel.threads();
        if (want != nativeThreads) applyThreads(want);

        MemorySegment as = MemorySegment.ofArray(a).asSlice(aOff * 4L);
        MemorySegment bs = MemorySegment.ofArray(b).asSlice(bOff * 4L);
        MemorySegment cs = MemorySegment.ofArray(c).asSlice(cOff * 4L);
        int ta = transA ? CBLAS_TRANS : CBLAS_NO_TRANS;
        int tb = transB ? CBLAS_TRANS : CBLAS_NO_TRANS;
        try {
            if (ilp64) {
                sgemm.invokeExact(CBLAS_ROW_MAJOR, ta, tb, (long) m, (long) n, (long) k,
                        alpha, as, (long) lda, bs, (long) ldb, beta, cs, (long) ldc);
            } else {
                sgemm.invokeExact(CBLAS_ROW_MAJOR, ta, tb, m, n, k,
                        alpha, as, lda, bs, ldb, beta, cs, ldc);
            }
        } catch (Throwable t) {
            throw new IllegalStateException("cblas_sgemm failed: " + t, t);
        }
    }

    // Changing OpenBLAS's count is global to the library; it only happens when Parallel's count
    // changes or calls alternate between inside and outside parallel bodies.
    private synchronized void applyThreads(int want) {
        if (want == nativeThreads || setThreads == null) {
            nativeThreads = want;
            return;
        }
        try {
            setThreads.invokeExact(want);
        } catch (Throwable t) {
            throw new IllegalStateException("openblas_set_num_threads failed: " + t, t);
        }
        nativeThreads = want;
    }

    /** Checks that a rows×cols row-major matrix at off with leading dimension ld fits in x. */
    private static void checkMatrix(String what, float[] x, int off, int rows, int cols, int ld) {
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("sgemm: " + what + " is " + rows + "x" + cols
                    + " as stored, so its leading dimension must be >= " + Math.max(1, cols) + ", got " + ld);
        }
        if (off < 0) throw new IllegalArgumentException("sgemm: negative offset " + off + " for " + what);
        if (rows == 0 || cols == 0) return;
        long end = off + (long) (rows - 1) * ld + cols;
        if (end > x.length) {
            throw new IllegalArgumentException("sgemm: " + what + " (" + rows + "x" + cols + ", leading dimension "
                    + ld + ", offset " + off + ") needs " + end + " floats, the array has " + x.length);
        }
    }

    private static void scale(float beta, float[] c, int cOff, int m, int n, int ldc) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = row; j < row + n; j++) c[j] = beta == 0f ? 0f : beta * c[j];
        }
    }
}
