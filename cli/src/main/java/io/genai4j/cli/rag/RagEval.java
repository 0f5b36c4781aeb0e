package io.genai4j.cli.rag;

import io.genai4j.cli.Report;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.engine.util.Progress;
import io.genai4j.engine.util.Rounding;
import io.genai4j.rag.embed.Embedder;
import io.genai4j.rag.eval.EvalListener;
import io.genai4j.rag.eval.EvalResult;
import io.genai4j.rag.eval.RetrievalEval;
import io.genai4j.rag.eval.Squad;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai rag eval}: retrieval quality and speed on SQuAD v1.1 dev. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Retrieval on SQuAD v1.1 dev: the 2,067 paragraphs are the corpus, the 10,570 questions the queries,",
                "each question's paragraph the relevant item. Recall@1/5/10 and MRR for BM25, dense per encoder, hybrid (RRF);",
                "indexing chunks/s, query latency p50/p99 (one query at a time, embedding included), index size.",
                "The full run embeds ~2,100 chunks and ~10,600 questions per encoder: tens of minutes on two cores."})
public final class RagEval implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "FILE", description = "SQuAD v1.1 JSON (default: the shared data folder's rag/squad-v1.1/dev-v1.1.json).")
    Path data;
    @Option(names = "--models", split = ",", defaultValue = "minilm,bge-small", description = "Encoders, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> models;
    @Option(names = "--paragraphs", paramLabel = "N", description = "Only the first N paragraphs (and their questions).")
    Integer paragraphs;
    @Option(names = "--questions", paramLabel = "N", description = "At most N questions, spread over the paragraphs kept.")
    Integer questions;
    @Option(names = "--chunk-tokens", defaultValue = "200", description = "Chunk size in word pieces (default: ${DEFAULT-VALUE}).")
    int chunkTokens;
    @Option(names = "--overlap", defaultValue = "30", description = "Chunk overlap in word pieces (default: ${DEFAULT-VALUE}).")
    int overlap;
    @Option(names = "--latency-sample", defaultValue = "500", description = "Questions timed one at a time (default: ${DEFAULT-VALUE}).")
    int latencySample;
    @Option(names = "--work", paramLabel = "DIR", description = "Where the indexes are built (default: a temporary folder, deleted after).")
    Path work;
    @Option(names = "--json", description = "Also print every figure as one JSON line.")
    boolean json;
    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        Path file = data != null ? data : Squad.defaultPath();
        if (!Files.isRegularFile(file)) throw new java.io.IOException("no SQuAD file at " + file + " (give one with --data)");
        Squad squad = Squad.read(file);
        if (paragraphs != null || questions != null) {
            squad = squad.slice(paragraphs != null ? paragraphs : Integer.MAX_VALUE, questions != null ? questions : Integer.MAX_VALUE);
        }
        List<Embedder> embedders = new ArrayList<>();
        for (String m : models) embedders.add(Embedder.load(m.strip()));
        Path dir = work != null ? work : Files.createTempDirectory("genai-rag-eval");
        System.err.printf(Locale.ROOT, "SQuAD: %,d paragraphs, %,d questions; encoders %s; indexes in %s%n", squad.paragraphs().size(),
                squad.questions().size(), models, dir);
        EvalResult r;
        Progress[] bar = {null};
        String[] phase = {""};
        EvalListener events = (p, done, total) -> {
            if (!p.equals(phase[0])) {
                if (bar[0] != null) bar[0].close();
                phase[0] = p;
                bar[0] = new Progress(p, total);
            }
            bar[0].update(done, "");
        };
        try {
            r = RetrievalEval.run(squad, embedders, new RetrievalEval.Options(chunkTokens, overlap, latencySample, dir), events);
        } finally {
            if (bar[0] != null) bar[0].close();
            if (work == null) deleteTree(dir);
        }
        print(r);
        if (json) {
            List<Map<String, Object>> methods = new ArrayList<>();
            for (EvalResult.Method m : r.methods()) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("method", m.name());
                o.put("recall_at_1", Rounding.places(m.recallAt1(), 4));
                o.put("recall_at_5", Rounding.places(m.recallAt5(), 4));
                o.put("recall_at_10", Rounding.places(m.recallAt10(), 4));
                o.put("mrr", Rounding.places(m.mrr(), 4));
                o.put("p50_ms", Rounding.places(m.p50Millis(), 3));
                o.put("p99_ms", Rounding.places(m.p99Millis(), 3));
                methods.add(o);
            }
            List<Map<String, Object>> indexing = new ArrayList<>();
            for (EvalResult.Indexing i : r.indexing()) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("model", i.model());
                o.put("chunks", i.chunks());
                o.put("seconds", Rounding.places(i.seconds(), 2));
                o.put("chunks_per_second", Rounding.places(i.chunksPerSecond(), 2));
                o.put("index_bytes", i.indexBytes());
                indexing.add(o);
            }
            new Report().put("data", file.toString()).put("paragraphs", r.paragraphs()).put("questions", r.questions())
                    .put("chunk_tokens", chunkTokens).put("overlap", overlap).put("latency_sample", Math.min(latencySample, r.questions()))
                    .put("methods", methods).put("indexing", indexing).printJson(System.out);
        }
        return 0;
    }

    private static void print(EvalResult r) {
        System.out.printf(Locale.ROOT, "SQuAD v1.1 dev retrieval: %,d paragraphs, %,d questions%n", r.paragraphs(), r.questions());
        System.out.printf(Locale.ROOT, "%-18s %8s %8s %8s %8s %9s %9s%n", "method", "R@1", "R@5", "R@10", "MRR", "p50 ms", "p99 ms");
        for (EvalResult.Method m : r.methods()) {
            System.out.printf(Locale.ROOT, "%-18s %8.4f %8.4f %8.4f %8.4f %9.2f %9.2f%n", m.name(), m.recallAt1(), m.recallAt5(),
                    m.recallAt10(), m.mrr(), m.p50Millis(), m.p99Millis());
        }
        for (EvalResult.Indexing i : r.indexing()) {
            System.out.printf(Locale.ROOT, "index %-12s %,d chunks in %.1f s (%.1f chunks/s), %.1f MB on disk%n", i.model(), i.chunks(),
                    i.seconds(), i.chunksPerSecond(), i.indexBytes() / 1e6);
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
