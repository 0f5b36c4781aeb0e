package io.genai4j.cli.bench;

import io.genai4j.cli.Report;
import io.genai4j.engine.kernels.GemmBackends;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.models.bert.BertEncoder;
import io.genai4j.models.bert.BundledModel;
import io.genai4j.models.bert.Sst2;
import io.genai4j.text.wordpiece.Batch;
import io.genai4j.text.wordpiece.Encoding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
    @Option(names = "--threads", description = "Threads for both runtimes (default: all cores).")
    Integer threads;
    @Option(names = "--repeats", defaultValue = "3", description = "Timed passes per runtime; the median is reported (default: ${DEFAULT-VALUE}).")
    int repeats;
    @Option(names = "--no-onnx", description = "Time genai4j only.")
    boolean noOnnx;
    @Option(names = "--data", paramLabel = "DIR", description = "Folder with SST-2's test.tsv (default: ../shared/data/sentiment/sst2).")
    Path data;
    @Option(names = "--json", description = "Also print the result as one JSON line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (batch < 1 || sentences < 1 || repeats < 1) throw new IllegalArgumentException("--batch, --sentences and --repeats must be >= 1");
        BundledModel bm = Arrays.stream(BundledModel.values()).filter(b -> b.id.equals(model)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--model must be minilm or bge-small, got '" + model + "'"));
        if (threads != null) Parallel.setThreads(threads);
        int nThreads = Parallel.threads();
        Path dir = data != null ? data : Sst2.defaultDir();
        List<String> texts = new ArrayList<>(Sst2.load(dir, "test").sentences());
        if (texts.size() < sentences) texts.addAll(Sst2.load(dir, "dev").sentences());
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
        OrtBert ort = noOnnx ? null : new OrtBert(bm.onnx(), nThreads);
        try {
            // Warm-up pass for both (JIT, ORT's arena).
            runGenai(enc, batches);
            if (ort != null) runOrt(ort, batches);
            double[] g = new double[repeats], o = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                g[r] = runGenai(enc, batches);
                if (ort != null) o[r] = runOrt(ort, batches);
                System.out.printf(Locale.ROOT, "  pass %d: genai4j %.2f s%s%n", r + 1, g[r], ort == null ? "" : String.format(Locale.ROOT, ", onnxruntime %.2f s", o[r]));
            }
            double gs = texts.size() / median(g);
            Report rep = new Report().put("model", bm.id).put("batch", batch).put("threads", nThreads).put("sentences", texts.size())
                    .put("tokens", tokens).put("gemm", GemmBackends.current().name()).put("genai_sps", round(gs));
            System.out.printf(Locale.ROOT, "genai4j      %8.1f sentences/s%n", gs);
            if (ort != null) {
                double os = texts.size() / median(o);
                System.out.printf(Locale.ROOT, "onnxruntime  %8.1f sentences/s   (ratio genai4j/onnxruntime %.2f)%n", os, gs / os);
                rep.put("onnx_sps", round(os)).put("ratio", Math.round(gs / os * 1000) / 1000.0);
            }
            if (json) rep.printJson(System.out);
        } finally {
            if (ort != null) ort.close();
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
        for (Batch b : batches) sink += enc.lastHiddenState(b).numel();
        if (sink < 0) throw new AssertionError();
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

    private static double round(double x) {
        return Math.round(x * 10) / 10.0;
    }
}
