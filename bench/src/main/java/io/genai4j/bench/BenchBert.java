package io.genai4j.bench;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.cli.bert.Sst2Option;
import io.genai4j.engine.kernels.GemmBackends;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.bert.BertEncoder;
import io.genai4j.models.bert.BundledModel;
import io.genai4j.text.wordpiece.Batch;
import io.genai4j.text.wordpiece.Encoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code genai bench bert}: sentences per second of the BERT encoder on SST-2 sentences, genai4j
 * against ONNX Runtime (fp32) on the same ONNX weights, the same padded batches and the same
 * thread count, interleaved in one process.
 */
@Command(name = "bert", mixinStandardHelpOptions = true,
        description = {"BERT encoder throughput (sentences/s) on SST-2 sentences: genai4j vs ONNX Runtime fp32,",
                "same weights, same padded batches (sorted by length), same threads, runs interleaved; medians."})
public final class BenchBert implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "minilm", description = "minilm or bge-small (default: ${DEFAULT-VALUE}).")
    String model;
    @Option(names = "--batch", defaultValue = "32", description = "Sentences per batch (default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--sentences", defaultValue = "872", description = "How many SST-2 sentences (test split first; default: ${DEFAULT-VALUE}).")
    int sentences;
    @Mixin ThreadsOption threads;
    @Option(names = "--repeats", defaultValue = "3", description = "Timed passes per runtime; the median is reported (default: ${DEFAULT-VALUE}).")
    int repeats;
    @Option(names = "--no-onnx", description = "Time genai4j only.")
    boolean noOnnx;
    @Mixin
    Sst2Option data;
    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        if (batch < 1 || sentences < 1 || repeats < 1) throw new IllegalArgumentException("--batch, --sentences and --repeats must be >= 1");
        BundledModel bm = Arrays.stream(BundledModel.values()).filter(b -> b.id.equals(model)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--model must be minilm or bge-small, got '" + model + "'"));
        threads.apply();
        int nThreads = Parallel.threads();
        List<String> texts = new ArrayList<>(data.load("test").sentences());
        if (texts.size() < sentences) texts.addAll(data.load("dev").sentences());
        texts = texts.subList(0, Math.min(sentences, texts.size()));
        BertEncoder enc = bm.load();
        List<Batch> batches = batches(enc, texts);
        int tokens = 0, padded = 0;
        for (Batch b : batches) {
            padded += b.size() * b.length();
            for (int i = 0; i < b.size(); i++) tokens += b.realLength(i);
        }
        System.out.printf(Locale.ROOT, "%s on %,d SST-2 sentences: %d batches of %d, %,d tokens (%,d with padding), %d threads, GEMM %s%n",
                bm.id, texts.size(), batches.size(), batch, tokens, padded, nThreads, GemmBackends.current().name());
        // ONNX Runtime twice: its default (one batch at a time, intra-op threads = T) and, with T > 1,
        // T single-threaded runs side by side — the same scheme genai4j's encoder uses.
        OrtBert ort = noOnnx ? null : new OrtBert(bm.onnx(), nThreads);
        OrtBert ortSingle = noOnnx || nThreads == 1 ? null : new OrtBert(bm.onnx(), 1);
        try {
            // Warm-up pass for each (JIT, ORT's arena).
            runGenai(enc, batches);
            runGenaiOneByOne(enc, batches);
            if (ort != null) runOrt(ort, batches);
            if (ortSingle != null) runOrtSideBySide(ortSingle, batches, nThreads);
            double[] g = new double[repeats], g1 = new double[repeats], o = new double[repeats], os = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                g[r] = runGenai(enc, batches);
                g1[r] = runGenaiOneByOne(enc, batches);
                if (ort != null) o[r] = runOrt(ort, batches);
                if (ortSingle != null) os[r] = runOrtSideBySide(ortSingle, batches, nThreads);
                System.out.printf(Locale.ROOT, "  pass %d: genai4j %.2f s (one batch at a time %.2f s)%s%s%n", r + 1, g[r], g1[r],
                        ort == null ? "" : String.format(Locale.ROOT, ", onnxruntime %.2f s", o[r]),
                        ortSingle == null ? "" : String.format(Locale.ROOT, " (side by side %.2f s)", os[r]));
            }
            double gs = texts.size() / median(g), gs1 = texts.size() / median(g1);
            Report rep = new Report().put("model", bm.id).put("batch", batch).put("threads", nThreads).put("sentences", texts.size())
                    .put("tokens", tokens).put("gemm", GemmBackends.current().name()).put("genai_sps", Rounding.places(gs, 1)).put("genai_sps_one_batch_at_a_time", Rounding.places(gs1, 1));
            System.out.printf(Locale.ROOT, "genai4j      %8.1f sentences/s   (one batch at a time, all threads on each op: %.1f)%n", gs, gs1);
            if (ort != null) {
                double ors = texts.size() / median(o);
                System.out.printf(Locale.ROOT, "onnxruntime  %8.1f sentences/s   (ratio genai4j/onnxruntime %.2f)%n", ors, gs / ors);
                rep.put("onnx_sps", Rounding.places(ors, 1)).put("ratio", Rounding.places(gs / ors, 3));
                if (ortSingle != null) {
                    double oss = texts.size() / median(os);
                    System.out.printf(Locale.ROOT, "onnxruntime  %8.1f sentences/s   with %d single-threaded runs side by side (ratio %.2f)%n", oss, nThreads, gs / oss);
                    rep.put("onnx_sps_side_by_side", Rounding.places(oss, 1)).put("ratio_side_by_side", Rounding.places(gs / oss, 3));
                }
            }
            if (json.on()) rep.printJson(System.out);
        } finally {
            if (ort != null) ort.close();
            if (ortSingle != null) ortSingle.close();
        }
        return 0;
    }

    /** The batches both runtimes get: tokenized once, sorted by length, padded per batch. */
    private List<Batch> batches(BertEncoder enc, List<String> texts) {
        List<Encoding> es = new ArrayList<>();
        for (String t : texts) es.add(enc.tokenizer().encode(t, enc.maxLength()));
        es.sort(Comparator.comparingInt(Encoding::length));
        List<Batch> out = new ArrayList<>();
        for (int s = 0; s < es.size(); s += batch) out.add(Batch.of(es.subList(s, Math.min(es.size(), s + batch)), enc.tokenizer().padId(), 1));
        return out;
    }

    private static double runGenai(BertEncoder enc, List<Batch> batches) {
        long t0 = System.nanoTime();
        double sink = 0;
        for (Tensor h : enc.lastHiddenStates(batches)) sink += h.numel();
        if (sink < 0) throw new AssertionError();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** genai4j one batch at a time, every op spread over all threads (the latency-oriented path). */
    private static double runGenaiOneByOne(BertEncoder enc, List<Batch> batches) {
        long t0 = System.nanoTime();
        double sink = 0;
        for (Batch b : batches) sink += enc.lastHiddenState(b).numel();
        if (sink < 0) throw new AssertionError();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** ONNX Runtime with `threads` Java threads each running whole batches on a single-threaded session. */
    private static double runOrtSideBySide(OrtBert ort, List<Batch> batches, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong sink = new AtomicLong();
        Thread[] ts = new Thread[threads];
        Exception[] failure = new Exception[1];
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            ts[t] = new Thread(() -> {
                try {
                    for (int i; (i = next.getAndIncrement()) < batches.size(); ) sink.addAndGet(ort.run(batches.get(i)));
                } catch (Exception e) {
                    failure[0] = e;
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) t.join();
        if (failure[0] != null) throw failure[0];
        if (sink.get() < 0) throw new AssertionError();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double runOrt(OrtBert ort, List<Batch> batches) throws Exception {
        long t0 = System.nanoTime();
        long sink = 0;
        for (Batch b : batches) sink += ort.run(b);
        if (sink < 0) throw new AssertionError();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
