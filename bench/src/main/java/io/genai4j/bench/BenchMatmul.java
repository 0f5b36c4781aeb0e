package io.genai4j.bench;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.engine.kernels.Gemm;
import io.genai4j.engine.kernels.GemmBackends;
import io.genai4j.engine.kernels.OpenBlasGemm;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.util.Rounding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code genai bench matmul}: SGEMM GFLOP/s, median over timed repeats after warm-up.
 *
 * <p>With {@code --peer numpy} the same product is also timed in numpy, in the same run: Java and
 * numpy take turns in rounds (java, numpy, java, numpy, ...) so that whatever else the machine is
 * doing weighs on both alike, and the ratio of the two medians is reported.
 */
@Command(name = "matmul", mixinStandardHelpOptions = true,
        description = "SGEMM speed in GFLOP/s (C = A·B, row-major, FP32).")
public final class BenchMatmul implements Callable<Integer> {
    /**
     * Pause before each side's round. OpenBLAS's idle threads keep spinning for a moment after a call
     * (about 2^28 cycles), and would otherwise eat into the other side's first timed runs.
     */
    private static final long SWITCH_PAUSE_MS = 250;

    @Option(names = "--m", defaultValue = "1024", description = "Rows of A and C (default ${DEFAULT-VALUE}).")
    int m;
    @Option(names = "--n", defaultValue = "1024", description = "Columns of B and C (default ${DEFAULT-VALUE}).")
    int n;
    @Option(names = "--k", defaultValue = "1024", description = "Columns of A, rows of B (default ${DEFAULT-VALUE}).")
    int k;
    @Mixin ThreadsOption threads;
    @Option(names = "--backend", defaultValue = "java", description = "java or openblas (default ${DEFAULT-VALUE}).")
    String backend;
    @Option(names = "--warmup", defaultValue = "3", description = "Untimed runs first (default ${DEFAULT-VALUE}).")
    int warmup;
    @Option(names = "--repeats", defaultValue = "10", description = "Timed runs; the median is reported (default ${DEFAULT-VALUE}).")
    int repeats;
    @Option(names = "--peer", paramLabel = "NAME",
            description = "Also time the same product in NAME (numpy), interleaved with the Java runs, and report the ratio.")
    String peer;
    @Option(names = "--rounds", defaultValue = "5",
            description = "With --peer: alternating Java/peer rounds the timed runs are spread over (default ${DEFAULT-VALUE}).")
    int rounds;
    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        if (m < 1 || n < 1 || k < 1) throw new IllegalArgumentException("--m, --n and --k must be >= 1");
        if (repeats < 1) throw new IllegalArgumentException("--repeats must be >= 1");
        if (warmup < 0) throw new IllegalArgumentException("--warmup must be >= 0");
        if (rounds < 1) throw new IllegalArgumentException("--rounds must be >= 1");
        if (peer != null && !peer.trim().equalsIgnoreCase("numpy")) {
            throw new IllegalArgumentException("unknown peer '" + peer + "': expected numpy");
        }
        if ((long) m * k > Integer.MAX_VALUE || (long) k * n > Integer.MAX_VALUE || (long) m * n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("matrices of more than 2^31 elements are not supported");
        }
        threads.apply();
        Gemm gemm = GemmBackends.byName(backend);
        float[] a = random(m * k, 1), b = random(k * n, 2), c = new float[m * n];
        Runnable product = () -> gemm.sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);

        NumpyPeer numpy = peer == null ? null : startPeer();
        try {
            for (int i = 0; i < warmup; i++) product.run();
            double[] javaSeconds;
            double[] peerSeconds = null;
            if (numpy == null) {
                javaSeconds = time(product, repeats);
            } else {
                double[][] both = interleave(product, numpy);
                javaSeconds = both[0];
                peerSeconds = both[1];
            }
            report(gemm, javaSeconds, numpy, peerSeconds);
        } finally {
            if (numpy != null) numpy.close();
        }
        return 0;
    }

    /** The peer, or null after saying why it cannot run: the Java figure is still worth having. */
    private NumpyPeer startPeer() {
        try {
            return NumpyPeer.start(m, n, k, Parallel.threads(), warmup);
        } catch (PythonPeer.Unavailable e) {
            System.err.println("genai: no numpy figure: " + e.getMessage() + ". Reporting the Java figure alone.");
            return null;
        }
    }

    /** Alternates Java and numpy rounds; returns {java seconds, numpy seconds}, repeats timed runs each. */
    private double[][] interleave(Runnable product, NumpyPeer numpy) {
        int r = Math.min(rounds, repeats);
        double[] javaSeconds = new double[repeats], peerSeconds = new double[repeats];
        int done = 0;
        try {
            for (int round = 0; round < r; round++) {
                int count = repeats / r + (round < repeats % r ? 1 : 0);
                pause();
                product.run(); // one untimed run: caches and the thread pool settle after the switch
                System.arraycopy(time(product, count), 0, javaSeconds, done, count);
                pause();
                System.arraycopy(numpy.run(1, count), 0, peerSeconds, done, count);
                done += count;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the numpy peer failed: " + e.getMessage(), e);
        }
        return new double[][] {javaSeconds, peerSeconds};
    }

    private void report(Gemm gemm, double[] javaSeconds, NumpyPeer numpy, double[] peerSeconds) {
        double median = median(javaSeconds);
        double gflops = 2.0 * m * n * k / median / 1e9;
        System.out.printf(Locale.ROOT, "matmul %dx%dx%d  backend %s  threads %d  %.1f GFLOP/s  (median of %d, %.3f ms%s)%n",
                m, n, k, gemm.name(), Parallel.threads(), gflops, repeats, median * 1e3, best(javaSeconds));
        OpenBlasGemm blas = gemm instanceof OpenBlasGemm o ? o : null;
        if (blas != null) System.out.println("  openblas: " + blas.describe());
        Report r = new Report().put("op", "matmul").put("backend", gemm.name()).put("m", m).put("n", n).put("k", k)
                .put("threads", Parallel.threads()).put("gflops", Rounding.places(gflops, 1));
        if (numpy != null) {
            double peerMedian = median(peerSeconds);
            double peerGflops = 2.0 * m * n * k / peerMedian / 1e9;
            double ratio = gflops / peerGflops;
            System.out.printf(Locale.ROOT, "matmul %dx%dx%d  peer numpy  threads %d  %.1f GFLOP/s  (median of %d, %.3f ms%s)%n",
                    m, n, k, Parallel.threads(), peerGflops, repeats, peerMedian * 1e3, best(peerSeconds));
            System.out.println("  numpy: " + numpy.description());
            System.out.printf(Locale.ROOT, "%s/numpy = %.3f  (%d interleaved rounds)%n",
                    gemm.name(), ratio, Math.min(rounds, repeats));
            if (blas != null && !blas.coreName().equalsIgnoreCase(numpy.core())) warnKernels(blas.coreName(), numpy.core());
            r.put("peer", "numpy").put("peer_gflops", Rounding.places(peerGflops, 1)).put("ratio", Rounding.places(ratio, 3));
        }
        if (json.on()) r.printJson(System.out);
    }

    /**
     * The numpy script drops OPENBLAS_CORETYPE for itself (this machine kind pins it to Haswell), but
     * genai's OpenBLAS honours the environment it was started with: say so rather than report a
     * kernel difference as a speed difference.
     */
    private static void warnKernels(String ours, String theirs) {
        String pinned = System.getenv("OPENBLAS_CORETYPE");
        System.out.println("  note: the two OpenBLAS use different kernels (" + ours + " here, " + theirs + " in numpy)"
                + (pinned == null ? "." : "; OPENBLAS_CORETYPE=" + pinned + " is set here and the numpy script unsets it."
                + " For a like-for-like figure: env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE ./genai bench matmul ..."));
    }

    /**
     * The fastest run, shown beside the median: on a shared machine noise only ever adds time, so
     * when the medians of two sides disagree the best runs tell whether the code or the neighbours did it.
     */
    private String best(double[] seconds) {
        if (seconds.length < 2) return "";
        double min = Arrays.stream(seconds).min().orElseThrow();
        return String.format(Locale.ROOT, "; best %.1f GFLOP/s", 2.0 * m * n * k / min / 1e9);
    }

    private static double[] time(Runnable product, int count) {
        double[] seconds = new double[count];
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            product.run();
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        return seconds;
    }

    private static void pause() {
        try {
            Thread.sleep(SWITCH_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static float[] random(int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = (float) (r.nextDouble() * 2 - 1);
        return x;
    }
}
