package io.genai4j.bench;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.engine.DType;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.quant.MatVec;
import io.genai4j.engine.quant.WeightMatrix;
import io.genai4j.engine.util.Printable;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.llama.RandomModel;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code genai bench kernels}: the matrix-vector product of each weight type at a model's shapes,
 * through the same entry point as the decoder ({@link MatVec#prepared}), as weight bytes per second
 * against the memory bandwidth measured in the same run ({@link MemoryBandwidth}): the best call
 * against STREAM triad's best slice. A kernel near
 * 100% of triad is memory-bound; one far below is compute-bound and worth making cheaper per weight.
 *
 * <p>Each timed call reads a different copy of the matrix, the copies together several times the
 * last-level cache, so the weights come from memory as a model's do during generation.
 */
@Command(name = "kernels", mixinStandardHelpOptions = true,
        description = "Matrix-vector speed per weight type (GB/s of weights, ns/row, %% of STREAM triad).")
public final class BenchKernels implements Callable<Integer> {
    @Option(names = "--types", split = ",", defaultValue = "F16,Q8_0,Q4_0,Q4_K,Q6_K", description = "Weight types (default ${DEFAULT-VALUE}).")
    List<String> types;
    @Option(names = "--shapes", split = ",", defaultValue = "2048x2048,8192x2048,2048x8192",
            description = "ROWSxCOLS of W (out x in; default ${DEFAULT-VALUE}: Llama-3.2-1B's attention, gate/up and down).")
    List<String> shapes;
    @Option(names = "--activations", split = ",", defaultValue = "float",
            description = "float (the decoder's kernels), q8 (x quantized to int8 blocks, integer products where a kernel exists: Q4_0) and/or bf16 (x rounded to bfloat16 for Q4_0 rows longer than 4096 too); default ${DEFAULT-VALUE}.")
    List<String> activations;
    @Option(names = "--inputs", split = ",", defaultValue = "1",
            description = "Activation rows per call (1: a matrix-vector product; 2-8: a batched decoding step, the row kernels' multi-input loops; 9-512: a prompt's block, decoded panels through the GEMM; default ${DEFAULT-VALUE}).")
    List<Integer> inputs;
    @Option(names = "--threads", split = ",", paramLabel = "N[,N...]", description = "Thread counts (default: 1 and all cores).")
    List<Integer> threads;
    @Option(names = "--mb", defaultValue = "128", description = "MB of weight copies each kernel cycles through (default ${DEFAULT-VALUE}).")
    int mb;
    @Option(names = "--stream-mb", defaultValue = "96", description = "MB per array of the STREAM measurement (default ${DEFAULT-VALUE}).")
    int streamMb;
    @Option(names = "--warmup-ms", defaultValue = "400", description = "Untimed calls for this long first (default ${DEFAULT-VALUE}).")
    int warmupMs;
    @Option(names = "--repeats", defaultValue = "7", description = "Timed passes over all copies, each call timed alone (default ${DEFAULT-VALUE}).")
    int repeats;
    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        if (mb < 1 || streamMb < 1 || repeats < 1 || warmupMs < 0) throw new IllegalArgumentException("--mb, --stream-mb and --repeats must be >= 1, --warmup-ms >= 0");
        for (int k : inputs) {
            if (k < 1 || k > 512) throw new IllegalArgumentException("--inputs: " + k + " is not 1..512");
        }
        List<Integer> counts = BenchMemory.threadCounts(threads);
        List<DType> ts = types.stream().map(BenchKernels::type).toList();
        List<int[]> sh = shapes.stream().map(BenchKernels::shape).toList();
        List<MatVec.Activations> acts = activations.stream().map(BenchKernels::activations).distinct().toList();
        for (DType t : ts) {
            for (int[] s : sh) {
                if (s[1] % t.blockSize() != 0) throw new IllegalArgumentException("--shapes: rows of " + s[1] + " are not whole " + t + " blocks of " + t.blockSize());
            }
        }

        List<MemoryBandwidth.Result> stream = BenchMemory.measure(counts, streamMb, 5);
        List<Map<String, Object>> memory = new ArrayList<>();
        for (MemoryBandwidth.Result r : stream) {
            System.out.printf(Locale.ROOT, "memory  threads %d  copy %.1f GB/s  triad %.1f GB/s%n", r.threads(), r.copyGBs(), r.triadGBs());
            memory.add(BenchMemory.json(r));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        int before = Parallel.threads();
        try {
            for (DType t : ts) {
                for (int[] s : sh) {
                    for (int i = 0; i < counts.size(); i++) {
                        Parallel.setThreads(counts.get(i));
                        rows.addAll(measure(t, s[0], s[1], stream.get(i).triadGBs(), acts));
                    }
                }
            }
        } finally {
            Parallel.setThreads(before);
        }
        if (json.on()) new Report().put("op", "kernels").put("memory", memory).put("results", rows).printJson(System.out);
        return 0;
    }

    /**
     * One type at one shape and the current thread count, for each way of reading the activation
     * that gives this type a different kernel and each number of inputs; the variants take turns
     * call by call, so the load of the moment weighs on each alike.
     */
    private List<Map<String, Object>> measure(DType t, int rows, int cols, double triadGBs, List<MatVec.Activations> asked) {
        List<MatVec.Activations> acts = asked.stream().filter(v -> v == MatVec.Activations.FLOAT || t == DType.Q4_0).toList();
        List<MatVec.Activations> vs = new ArrayList<>();
        List<Integer> ks = new ArrayList<>();
        for (MatVec.Activations a : acts) {
            for (int k : inputs.stream().distinct().toList()) {
                vs.add(a);
                ks.add(k);
            }
        }
        long bytes = t.bytesFor((long) rows * cols);
        int copies = (int) Math.max(1, (mb * (1L << 20) + bytes - 1) / bytes);
        try (Arena arena = Arena.ofShared()) {
            MemorySegment all = arena.allocate(bytes * copies, 64);
            RandomModel.fill(t, 42, all);
            MatVec[][] mv = new MatVec[vs.size()][copies];
            for (int v = 0; v < vs.size(); v++) {
                for (int c = 0; c < copies; c++) {
                    mv[v][c] = MatVec.prepared(vs.get(v), new WeightMatrix(all.asSlice(c * bytes, bytes), t, rows, cols, t.bytesFor(cols)));
                }
            }
            int most = ks.stream().mapToInt(Integer::intValue).max().orElse(1);
            float[] x = new float[most * cols], y = new float[most * rows];
            SplittableRandom r = new SplittableRandom(7);
            for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();

            long until = System.nanoTime() + warmupMs * 1_000_000L;
            for (int c = 0; System.nanoTime() < until; c = (c + 1) % copies) {
                for (int v = 0; v < vs.size(); v++) mv[v][c].apply(x, 0, ks.get(v), y, 0, rows);
            }
            double[][] perCall = new double[vs.size()][repeats * copies];
            for (int k = 0; k < repeats; k++) {
                for (int c = 0; c < copies; c++) {
                    for (int v = 0; v < vs.size(); v++) {
                        long t0 = System.nanoTime();
                        mv[v][c].apply(x, 0, ks.get(v), y, 0, rows);
                        perCall[v][k * copies + c] = System.nanoTime() - t0;
                    }
                }
            }
            List<Map<String, Object>> out = new ArrayList<>();
            for (int v = 0; v < vs.size(); v++) out.add(row(t, rows, cols, vs.get(v), ks.get(v), bytes, perCall[v], triadGBs));
            return out;
        }
    }

    /**
     * The median call, and the best: on a shared machine noise only ever adds time, and a call of a
     * millisecond is often left alone while a longer loop never is. The best call is what is set
     * against STREAM's best slice.
     */
    private static Map<String, Object> row(DType t, int rows, int cols, MatVec.Activations v, int inputs, long bytes, double[] perCall, double triadGBs) {
        Arrays.sort(perCall);
        double ns = perCall[perCall.length / 2], gbs = bytes / ns, bestGbs = bytes / perCall[0];
        System.out.printf(Locale.ROOT, "%-5s %5dx%-5d x %-5s inputs %d threads %d  %8.1f us  %6.1f ns/row/input  %6.1f GB/s  best %6.1f GB/s = %5.1f%% of triad%n",
                t, rows, cols, v.name().toLowerCase(Locale.ROOT), inputs, Parallel.threads(), ns / 1e3, ns / rows / inputs, gbs, bestGbs, 100 * bestGbs / triadGBs);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("type", t.name());
        row.put("rows", rows);
        row.put("cols", cols);
        row.put("activations", v.name().toLowerCase(Locale.ROOT));
        row.put("inputs", inputs);
        row.put("threads", Parallel.threads());
        row.put("us", Rounding.places(ns / 1e3, 2));
        row.put("ns_per_row", Rounding.places(ns / rows, 2));
        row.put("ns_per_row_input", Rounding.places(ns / rows / inputs, 2));
        row.put("gbs", Rounding.places(gbs, 2));
        row.put("best_gbs", Rounding.places(bestGbs, 2));
        row.put("pct_of_triad", Rounding.places(100 * bestGbs / triadGBs, 1));
        return row;
    }

    private static DType type(String s) {
        try {
            return DType.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--types: unknown type '" + Printable.of(s.trim()) + "' (expected one of " + RandomModel.TYPES + ")");
        }
    }

    private static MatVec.Activations activations(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "float" -> MatVec.Activations.FLOAT;
            case "q8" -> MatVec.Activations.Q8;
            case "bf16" -> MatVec.Activations.BF16;
            default -> throw new IllegalArgumentException("--activations: unknown '" + Printable.of(s.trim()) + "' (expected float, q8 or bf16)");
        };
    }

    private static int[] shape(String s) {
        String[] p = s.trim().toLowerCase(Locale.ROOT).split("x");
        try {
            if (p.length == 2) {
                int r = Integer.parseInt(p[0]), c = Integer.parseInt(p[1]);
                if (r > 0 && c > 0) return new int[] {r, c};
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--shapes: '" + Printable.of(s.trim()) + "' is not ROWSxCOLS (e.g. 2048x8192)");
    }
}
