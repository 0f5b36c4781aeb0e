package io.genai4j.bench.jmh;

import io.genai4j.engine.Rng;
import io.genai4j.engine.kernels.Gemm;
import io.genai4j.engine.kernels.GemmBackends;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SGEMM C = A·B of square n×n matrices through the engine's {@link Gemm} backend, under JMH (forked
 * JVMs, warm-up, error bars): the micro-benchmark behind {@code genai bench matmul}'s one-shot figure.
 * Run: {@code java --add-modules jdk.incubator.vector -cp 'bench/target/genai-bench.jar:bench/target/lib/*'
 * org.openjdk.jmh.Main GemmBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class GemmBenchmark {
    @Param({"64", "256", "1024"})
    int n;

    @Param({"java"})
    String backend;

    float[] a, b, c;
    Gemm gemm;

    @Setup
    public void setup() {
        Rng rng = new Rng(1);
        a = new float[n * n];
        b = new float[n * n];
        c = new float[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rng.nextGaussian();
            b[i] = (float) rng.nextGaussian();
        }
        gemm = GemmBackends.byName(backend);
    }

    @Benchmark
    public float[] sgemm() {
        gemm.sgemm(false, false, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n);
        return c;
    }
}
