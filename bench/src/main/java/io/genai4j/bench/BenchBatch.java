package io.genai4j.bench;

import io.genai4j.cli.Report;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.engine.DType;
import io.genai4j.engine.infer.Session;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.util.Rounding;
import io.genai4j.llm.ModelStore;
import io.genai4j.llm.StepBatcher;
import io.genai4j.models.llama.CausalLm;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code genai bench batch MODEL --streams 1,2,4,8}: aggregate generation speed of S streams decoding
 * at once on one loaded model, each on its own thread with its own session. Each stream runs a
 * random prompt, then (after all prompts, so only decoding is timed) greedily decodes
 * {@code --gen-tokens} tokens, end-of-generation tokens included, as llama-bench does. Batched: the
 * streams' steps go through one {@link StepBatcher} (one weight pass per step for all, as the
 * server's parallel sessions); {@code --compare} also runs them each stepping alone. Aggregate
 * tokens/s = S·tokens / wall seconds of the decoding.
 */
@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Aggregate tokens/s of 1, 2, 4, 8 concurrent streams decoded in batches (continuous batching).")
public final class BenchBatch implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A .gguf file, a model directory, or OWNER/REPO in the cache.")
    String model;
    @Option(names = "--streams", defaultValue = "1,2,4,8", split = ",", description = "Concurrent stream counts to measure (default ${DEFAULT-VALUE}).")
    int[] streams;
    @Option(names = "--gen-tokens", defaultValue = "32", description = "Tokens each stream decodes (default ${DEFAULT-VALUE}).")
    int genTokens;
    @Option(names = "--prompt-tokens", defaultValue = "16", description = "Random prompt tokens per stream, run before the timing (default ${DEFAULT-VALUE}).")
    int promptTokens;
    @Option(names = "--repeats", defaultValue = "1", description = "Timed runs per stream count; the median is reported (default ${DEFAULT-VALUE}).")
    int repeats;
    @Option(names = "--compare", description = "Also run each stream count unbatched (every stream stepping alone), interleaved with the batched runs.")
    boolean compare;
    @Option(names = "--kv", defaultValue = "f32", description = "KV cache type: f32 or f16 (default ${DEFAULT-VALUE}).")
    String kv;
    @Mixin ThreadsOption threads;
    @Option(names = "--json", description = "Also print {model, threads, streams, batched_tps, ...} as one JSON line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (streams.length == 0) throw new IllegalArgumentException("--streams lists no stream counts");
        for (int s : streams) if (s < 1) throw new IllegalArgumentException("--streams must be >= 1, got " + s);
        if (genTokens < 1 || promptTokens < 1) throw new IllegalArgumentException("--gen-tokens and --prompt-tokens must be >= 1");
        if (repeats < 1) throw new IllegalArgumentException("--repeats must be >= 1");
        DType kvType = BenchLlm.kvType(kv);
        threads.apply();
        Path path = ModelStore.resolve(model);
        try (LoadedModel m = ModelLoader.load(path)) {
            CausalLm lm = m.model();
            if (promptTokens + genTokens > m.config().contextLength()) throw new IllegalArgumentException("the model's context is " + m.config().contextLength() + " tokens");
            System.err.println("model: " + m.description());
            System.err.printf(Locale.ROOT, "%d threads, %d prompt + %d generated tokens per stream%n", Parallel.threads(), promptTokens, genTokens);
            run(lm, 1, kvType, true);   // warm-up: page faults, the JIT
            Map<Integer, double[]> batched = new LinkedHashMap<>(), alone = new LinkedHashMap<>();
            Map<Integer, Double> meanBatch = new LinkedHashMap<>();
            for (int s : streams) {
                double[] b = new double[repeats], a = new double[repeats];
                double rows = 0;
                for (int r = 0; r < repeats; r++) {
                    // A B B A: machine noise hits both ways alike
                    boolean batchFirst = r % 2 == 0;
                    if (compare && !batchFirst) a[r] = run(lm, s, kvType, false)[0];
                    double[] br = run(lm, s, kvType, true);
                    b[r] = br[0];
                    rows += br[1];
                    if (compare && batchFirst) a[r] = run(lm, s, kvType, false)[0];
                    System.err.printf(Locale.ROOT, "%d streams: batched %.2f t/s%s (mean batch %.2f)%n", s, b[r], compare ? String.format(Locale.ROOT, ", alone %.2f t/s", a[r]) : "", br[1]);
                }
                batched.put(s, b);
                if (compare) alone.put(s, a);
                meanBatch.put(s, rows / repeats);
            }
            double single = batched.containsKey(1) ? BenchLlm.median(batched.get(1)) : Double.NaN;
            System.out.printf(Locale.ROOT, "%-8s %14s %14s %10s%n", "streams", "batched t/s", compare ? "alone t/s" : "", "vs 1");
            Report report = new Report().put("model", path.getFileName().toString()).put("threads", Parallel.threads())
                    .put("prompt_tokens", promptTokens).put("gen_tokens", genTokens).put("repeats", repeats);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int s : streams) {
                double b = BenchLlm.median(batched.get(s));
                Double a = compare ? BenchLlm.median(alone.get(s)) : null;
                System.out.printf(Locale.ROOT, "%-8d %14.2f %14s %10s%n", s, b, a == null ? "" : String.format(Locale.ROOT, "%.2f", a),
                        Double.isNaN(single) ? "" : String.format(Locale.ROOT, "%.2fx", b / single));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("streams", s);
                row.put("batched_tps", Rounding.places(b, 2));
                row.put("alone_tps", a == null ? null : Rounding.places(a, 2));
                row.put("vs_single", Double.isNaN(single) ? null : Rounding.places(b / single, 2));
                row.put("mean_batch", Rounding.places(meanBatch.get(s), 2));
                rows.add(row);
            }
            report.put("results", rows);
            if (json) report.printJson(System.out);
        }
        return 0;
    }

    /**
     * S streams at once: prompts first, then the timed decoding; returns {aggregate tokens/s, mean
     * batch size} (the batch size is 1 unbatched).
     */
    private double[] run(CausalLm lm, int s, DType kvType, boolean batched) throws Exception {
        StepBatcher batcher = batched ? new StepBatcher() : null;
        int vocab = lm.config().vocabSize();
        SplittableRandom rnd = new SplittableRandom(42);
        CyclicBarrier decode = new CyclicBarrier(s);
        try (ExecutorService pool = Executors.newFixedThreadPool(s)) {
            List<Future<long[]>> runs = new ArrayList<>();
            for (int i = 0; i < s; i++) {
                int[] prompt = rnd.ints(promptTokens, 0, vocab).toArray();
                runs.add(pool.submit(() -> {
                    Session session = lm.newSession(promptTokens + genTokens, kvType);
                    float[] logits = session.forward(prompt, false);
                    decode.await(10, TimeUnit.MINUTES);
                    long t0 = System.nanoTime();
                    try (StepBatcher.Lane lane = batcher == null ? null : batcher.join(session)) {
                        for (int t = 0; t < genTokens; t++) {
                            int next = argmax(logits);
                            logits = lane != null ? lane.step(next) : session.forward(new int[] {next}, false);
                        }
                    }
                    return new long[] {t0, System.nanoTime()};
                }));
            }
            long start = Long.MAX_VALUE, end = Long.MIN_VALUE;
            for (Future<long[]> f : runs) {
                long[] t = f.get();
                start = Math.min(start, t[0]);
                end = Math.max(end, t[1]);
            }
            long[] counts = batcher == null ? new long[] {1, 1} : batcher.counts();
            return new double[] {(double) s * genTokens / ((end - start) / 1e9), (double) counts[1] / Math.max(1, counts[0])};
        }
    }

    private static int argmax(float[] a) {
        int best = 0;
        for (int i = 1; i < a.length; i++) if (a[i] > a[best]) best = i;
        return best;
    }
}
