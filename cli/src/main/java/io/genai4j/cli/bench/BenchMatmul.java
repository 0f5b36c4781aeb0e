package io.genai4j.cli.bench;

import io.genai4j.cli.Report;
import io.genai4j.engine.kernels.Gemm;
import io.genai4j.engine.kernels.GemmBackends;
import io.genai4j.engine.kernels.Parallel;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code genai bench matmul}: SGEMM GFLOP/s, median over timed repeats after warm-up. */
@Command(name = "matmul", mixinStandardHelpOptions = true,
        description = "SGEMM speed in GFLOP/s (C = A·B, row-major, FP32).")
public final class BenchMatmul implements Callable<Integer> {
    @Option(names = "--m", defaultValue = "1024", description = "Rows of A and C (default ${DEFAULT-VALUE}).")
    int m;
    @Option(names = "--n", defaultValue = "1024", description = "Columns of B and C (default ${DEFAULT-VALUE}).")
    int n;
    @Option(names = "--k", defaultValue = "1024", description = "Columns of A, rows of B (default ${DEFAULT-VALUE}).")
    int k;
    @Option(names = "--threads", description = "Threads (default: all cores).")
    Integer threads;
    @Option(names = "--backend", defaultValue = "java", description = "java or openblas (default ${DEFAULT-VALUE}).")
    String backend;
    @Option(names = "--warmup", defaultValue = "3", description = "Untimed runs first (default ${DEFAULT-VALUE}).")
    int warmup;
    @Option(names = "--repeats", defaultValue = "10", description = "Timed runs; the median is reported (default ${DEFAULT-VALUE}).")
    int repeats;
    @Option(names = "--json", description = "Also print the result as one JSON line.")
    boolean json;

    @Override
    public Integer call() {
        if (m < 1 || n < 1 || k < 1) throw new IllegalArgumentException("--m, --n and --k must be >= 1");
        if (repeats < 1) throw new IllegalArgumentException("--repeats must be >= 1");
        if (threads != null) Parallel.setThreads(threads);
        Gemm gemm = GemmBackends.byName(backend);
        float[] a = random(m * k, 1), b = random(k * n, 2), c = new float[m * n];
        for (int i = 0; i < warmup; i++) gemm.sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
        double[] seconds = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            gemm.sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(seconds);
        double median = seconds[repeats / 2];
        double gflops = 2.0 * m * n * k / median / 1e9;
        System.out.printf("matmul %dx%dx%d  backend %s  threads %d  %.1f GFLOP/s  (median of %d, %.3f ms)%n",
                m, n, k, gemm.name(), Parallel.threads(), gflops, repeats, median * 1e3);
        if (json) {
            new Report().put("op", "matmul").put("backend", gemm.name()).put("m", m).put("n", n).put("k", k)
                    .put("threads", Parallel.threads()).put("gflops", Math.round(gflops * 10) / 10.0)
                    .printJson(System.out);
        }
        return 0;
    }

    private static float[] random(int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = (float) (r.nextDouble() * 2 - 1);
        return x;
    }
}
