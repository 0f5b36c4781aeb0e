package io.genai4j.bench;

import io.genai4j.cli.Report;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.engine.DType;
import io.genai4j.engine.infer.Session;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.util.Rounding;
import io.genai4j.llm.ModelStore;
import io.genai4j.models.llama.CausalLm;
import io.genai4j.models.llama.LlamaConfig;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code genai bench llm MODEL}: prompt processing and generation speed in llama-bench's terms.
 * <ul>
 *   <li>pp N: N random tokens processed as one batch from an empty cache, tokens/s;
 *   <li>tg N: N tokens decoded one at a time from an empty cache (the first is BOS when the model
 *       adds one, the rest random ids, as llama-bench's test_gen; no sampling), tokens/s.
 * </ul>
 * Each test is run untimed first (warm-up: caches, page faults and the JIT), then timed
 * {@code --repeats} times; the median is reported (llama-bench prints the mean ± sd, shown too).
 * Peak memory is the process's resident high-water mark (VmHWM) next to the model file's size plus
 * the KV cache. With {@code --sessions N} each test runs N sessions of the one loaded model at once,
 * each on its own thread, and reports their aggregate tokens/s (all tokens over the wall time).
 */
@Command(name = "llm", mixinStandardHelpOptions = true, sortOptions = false,
        description = "LLM speed as llama-bench measures it: pp (prompt tokens/s) and tg (generated tokens/s).")
public final class BenchLlm implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A .gguf file, a model directory, or OWNER/REPO in the cache.")
    String model;
    @Option(names = "--prompt-tokens", defaultValue = "512", description = "Tokens of the pp test; 0 skips it (default ${DEFAULT-VALUE}).")
    int promptTokens;
    @Option(names = "--gen-tokens", defaultValue = "128", description = "Tokens of the tg test; 0 skips it (default ${DEFAULT-VALUE}).")
    int genTokens;
    @Mixin ThreadsOption threads;
    @Option(names = "--repeats", defaultValue = "5", description = "Timed runs of each test (default ${DEFAULT-VALUE}, as llama-bench).")
    int repeats;
    @Option(names = "--warmup", defaultValue = "1", description = "Untimed runs of each test first (default ${DEFAULT-VALUE}).")
    int warmup;
    @Option(names = "--kv", defaultValue = "f32", description = "KV cache type: f32 or f16 (default ${DEFAULT-VALUE}).")
    String kv;
    @Option(names = "--sessions", defaultValue = "1", description = "Sessions run at once from as many threads; t/s is their sum (default ${DEFAULT-VALUE}).")
    int sessions;
    @Option(names = "--json", description = "Also print {model, type, threads, pp_tps, tg_tps, ...} as one JSON line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (promptTokens < 0 || genTokens < 0) throw new IllegalArgumentException("--prompt-tokens and --gen-tokens must be >= 0");
        if (promptTokens == 0 && genTokens == 0) throw new IllegalArgumentException("nothing to measure: --prompt-tokens and --gen-tokens are both 0");
        if (repeats < 1) throw new IllegalArgumentException("--repeats must be >= 1");
        if (warmup < 0) throw new IllegalArgumentException("--warmup must be >= 0");
        if (sessions < 1) throw new IllegalArgumentException("--sessions must be >= 1, got " + sessions);
        DType kvType = kvType(kv);
        threads.apply();
        Path path = ModelStore.resolve(model);
        try (LoadedModel m = ModelLoader.load(path)) {
            CausalLm lm = m.model();
            LlamaConfig c = m.config();
            if (promptTokens + 1 > c.contextLength() || genTokens + 1 > c.contextLength()) {
                throw new IllegalArgumentException("the model's context is " + c.contextLength() + " tokens");
            }
            String type = weightType(m);
            System.err.println("model: " + m.description());
            System.err.printf(Locale.ROOT, "weights %s, %d threads, KV cache %s, %d warm-up + %d timed runs per test%n", type, Parallel.threads(), kvType, warmup, repeats);
            SplittableRandom rnd = new SplittableRandom(42);
            int bos = m.tokenizer().vocabulary().addBos() ? m.tokenizer().vocabulary().bos() : -1;

            double[] pp = promptTokens == 0 ? null : measure("pp" + promptTokens, promptTokens * sessions, () -> concurrently(rnd, r -> {
                int[] ids = r.ints(promptTokens, 0, c.vocabSize()).toArray();
                Session session = lm.newSession(promptTokens, kvType);
                long t0 = System.nanoTime();
                float[] logits = session.forward(ids, false);
                long t1 = System.nanoTime();
                if (logits.length != c.vocabSize()) throw new IllegalStateException("unexpected logits: " + logits.length + " values");
                return new long[] {t0, t1};
            }));
            double[] tg = genTokens == 0 ? null : measure("tg" + genTokens, genTokens * sessions, () -> concurrently(rnd, r -> {
                Session session = lm.newSession(genTokens, kvType);
                int token = bos >= 0 ? bos : r.nextInt(c.vocabSize());
                long t0 = System.nanoTime();
                for (int i = 0; i < genTokens; i++) {
                    session.forward(new int[] {token}, false);
                    token = r.nextInt(c.vocabSize());
                }
                return new long[] {t0, System.nanoTime()};
            }));

            long fileBytes = Files.isRegularFile(path) ? Files.size(path) : directorySize(path);
            long kvBytes = kvBytes(c, Math.max(promptTokens, genTokens), kvType);
            long rss = Rss.peakBytes();
            System.out.printf(Locale.ROOT, "%-10s %-6s %7s %14s %14s%n", "test", "type", "threads", "t/s (median)", "t/s (mean±sd)");
            if (pp != null) row("pp" + promptTokens, type, pp);
            if (tg != null) row("tg" + genTokens, type, tg);
            if (rss > 0) {
                System.out.printf(Locale.ROOT, "peak RSS %.0f MB; model file %.0f MB + KV cache %.0f MB = %.0f MB%n", rss / 1e6, fileBytes / 1e6, kvBytes / 1e6,
                        (fileBytes + kvBytes) / 1e6);
            }
            if (json) {
                Report r = new Report().put("model", path.getFileName().toString()).put("type", type).put("threads", Parallel.threads()).put("sessions", sessions);
                r.put("pp_tps", pp == null ? null : Rounding.places(median(pp), 2)).put("tg_tps", tg == null ? null : Rounding.places(median(tg), 2));
                r.put("pp_tokens", promptTokens).put("tg_tokens", genTokens).put("repeats", repeats).put("kv", kvType.name().toLowerCase(Locale.ROOT));
                if (pp != null) r.put("pp_runs", roundAll(pp));
                if (tg != null) r.put("tg_runs", roundAll(tg));
                r.put("peak_rss_mb", rss > 0 ? Rounding.whole(rss / 1e6) : null).put("file_mb", Rounding.whole(fileBytes / 1e6)).put("kv_mb", Rounding.whole(kvBytes / 1e6));
                r.printJson(System.out);
            }
        }
        return 0;
    }

    @FunctionalInterface
    private interface Run {
        double seconds() throws Exception;
    }

    /** One session's test: its start and end times (System.nanoTime). */
    @FunctionalInterface
    private interface SessionRun {
        long[] times(SplittableRandom rnd) throws Exception;
    }

    /**
     * Runs the test in --sessions sessions at once, one thread each (a single session on the calling
     * thread, drawing from rnd itself); returns the wall seconds from the first start to the last end.
     */
    private double concurrently(SplittableRandom rnd, SessionRun run) throws Exception {
        if (sessions == 1) {
            long[] t = run.times(rnd);
            return (t[1] - t[0]) / 1e9;
        }
        List<SplittableRandom> rnds = new ArrayList<>();
        for (int i = 0; i < sessions; i++) rnds.add(rnd.split());
        try (ExecutorService pool = Executors.newFixedThreadPool(sessions)) {
            List<Future<long[]>> runs = new ArrayList<>();
            for (SplittableRandom r : rnds) runs.add(pool.submit(() -> run.times(r)));
            long start = Long.MAX_VALUE, end = Long.MIN_VALUE;
            for (Future<long[]> f : runs) {
                long[] t = f.get();
                start = Math.min(start, t[0]);
                end = Math.max(end, t[1]);
            }
            return (end - start) / 1e9;
        }
    }

    /** Warm-up runs, then timed ones; returns tokens/s of each timed run. */
    private double[] measure(String name, int tokens, Run run) throws Exception {
        for (int i = 0; i < warmup; i++) {
            double s = run.seconds();
            System.err.printf(Locale.ROOT, "%s warm-up: %.2f t/s%n", name, tokens / s);
        }
        double[] tps = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            tps[i] = tokens / run.seconds();
            System.err.printf(Locale.ROOT, "%s run %d: %.2f t/s%n", name, i + 1, tps[i]);
        }
        return tps;
    }

    private static void row(String test, String type, double[] tps) {
        double mean = Arrays.stream(tps).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(tps).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, tps.length - 1));
        System.out.printf(Locale.ROOT, "%-10s %-6s %7d %14.2f %8.2f ± %.2f%n", test, type, Parallel.threads(), median(tps), mean, sd);
    }

    /** The --kv option's cache type: f32 or f16. */
    static DType kvType(String kv) {
        return switch (kv.toLowerCase(Locale.ROOT)) {
            case "f32" -> DType.F32;
            case "f16" -> DType.F16;
            default -> throw new IllegalArgumentException("unknown --kv '" + kv + "' (choose f32 or f16)");
        };
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double[] roundAll(double[] v) {
        return Arrays.stream(v).map(x -> Rounding.places(x, 2)).toArray();
    }

    /** The type of the first layer's query matrix: what llama-bench's "type" column names. */
    private static String weightType(LoadedModel m) {
        var sd = ((Module) m.model()).stateDict();
        for (String name : new String[] {"model.layers.0.self_attn.q_proj.weight", "transformer.h.0.attn.c_attn.weight"}) {
            if (sd.containsKey(name)) return sd.get(name).dtype().name().toLowerCase(Locale.ROOT);
        }
        return "?";
    }

    private static long kvBytes(LlamaConfig c, int positions, DType t) {
        return 2L * c.layers() * c.kvHeads() * c.headDim() * positions * (t == DType.F16 ? 2 : 4);
    }

    private static long directorySize(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
