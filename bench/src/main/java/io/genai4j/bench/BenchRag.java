package io.genai4j.bench;

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

/**
 * {@code genai bench rag}: LangChain4j Easy RAG beside genai4j's retrievers on the same SQuAD
 * paragraphs and questions in one process: recall@1/5/10, MRR, indexing chunks/s and query latency.
 */
@Command(name = "rag", mixinStandardHelpOptions = true,
        description = {"Retrieval on SQuAD v1.1 dev: LangChain4j Easy RAG (300/30 recursive splitter, quantized BGE small in ONNX",
                "Runtime, in-memory store) beside genai4j's BM25, dense and hybrid retrievers, same corpus and questions.",
                "Use --paragraphs/--questions for a quick run; the full set takes long on two cores."})
public final class BenchRag implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "FILE", description = "SQuAD v1.1 JSON (default: the shared data folder's rag/squad-v1.1/dev-v1.1.json).")
    Path data;
    @Option(names = "--paragraphs", paramLabel = "N", description = "Only the first N paragraphs (and their questions).")
    Integer paragraphs;
    @Option(names = "--questions", paramLabel = "N", description = "At most N questions, spread over the paragraphs kept.")
    Integer questions;
    @Option(names = "--models", split = ",", defaultValue = "minilm,bge-small",
            description = "genai4j encoders to run beside the peer (default: ${DEFAULT-VALUE}; none: the peer alone).")
    List<String> models;
    @Option(names = "--latency-sample", defaultValue = "300", description = "Questions timed one at a time for genai4j (default: ${DEFAULT-VALUE}).")
    int latencySample;
    @Option(names = "--json", description = "Also print every figure as one JSON line.")
    boolean json;
    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        Path file = data != null ? data : Squad.defaultPath();
        Squad squad = Squad.read(file);
        if (paragraphs != null || questions != null) {
            squad = squad.slice(paragraphs != null ? paragraphs : Integer.MAX_VALUE, questions != null ? questions : Integer.MAX_VALUE);
        }
        Report report = new Report().put("data", file.toString()).put("paragraphs", squad.paragraphs().size()).put("questions", squad.questions().size());
        List<Map<String, Object>> rows = new ArrayList<>();

        EasyRagPeer.Result peer;
        try (Progress bar = new Progress("easy-rag questions", squad.questions().size())) {
            peer = EasyRagPeer.run(squad, n -> bar.update(n, ""));
        }
        rows.add(row("easy-rag", peer.metrics().recallAt1(), peer.metrics().recallAt5(), peer.metrics().recallAt10(), peer.metrics().mrr(),
                peer.latencies().percentileMillis(50), peer.latencies().percentileMillis(99)));
        report.put("easy_rag_segments", peer.segments()).put("easy_rag_chunks_per_second", Rounding.places(peer.segments() / peer.ingestSeconds(), 2));
        System.out.printf(Locale.ROOT, "Easy RAG: %,d segments ingested in %.1f s (%.1f chunks/s)%n", peer.segments(), peer.ingestSeconds(),
                peer.segments() / peer.ingestSeconds());

        if (!(models.size() == 1 && models.getFirst().equals("none"))) {
            List<Embedder> embedders = new ArrayList<>();
            for (String m : models) embedders.add(Embedder.load(m.strip()));
            Path work = Files.createTempDirectory("genai-bench-rag");
            EvalResult ours;
            try {
                ours = RetrievalEval.run(squad, embedders, new RetrievalEval.Options(200, 30, latencySample, work), EvalListener.NONE);
            } finally {
                try (var s = Files.walk(work)) {
                    for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                }
            }
            for (EvalResult.Method m : ours.methods()) rows.add(row(m.name(), m.recallAt1(), m.recallAt5(), m.recallAt10(), m.mrr(), m.p50Millis(), m.p99Millis()));
            for (EvalResult.Indexing i : ours.indexing()) {
                report.put("genai_" + i.model() + "_chunks_per_second", Rounding.places(i.chunksPerSecond(), 2));
                System.out.printf(Locale.ROOT, "genai4j %s: %,d chunks in %.1f s (%.1f chunks/s)%n", i.model(), i.chunks(), i.seconds(), i.chunksPerSecond());
            }
        }
        System.out.printf(Locale.ROOT, "%-18s %8s %8s %8s %8s %9s %9s%n", "method", "R@1", "R@5", "R@10", "MRR", "p50 ms", "p99 ms");
        for (Map<String, Object> r : rows) {
            System.out.printf(Locale.ROOT, "%-18s %8.4f %8.4f %8.4f %8.4f %9.2f %9.2f%n", r.get("method"), r.get("recall_at_1"), r.get("recall_at_5"),
                    r.get("recall_at_10"), r.get("mrr"), r.get("p50_ms"), r.get("p99_ms"));
        }
        if (json) report.put("methods", rows).printJson(System.out);
        return 0;
    }

    private static Map<String, Object> row(String name, double r1, double r5, double r10, double mrr, double p50, double p99) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("method", name);
        o.put("recall_at_1", Rounding.places(r1, 4));
        o.put("recall_at_5", Rounding.places(r5, 4));
        o.put("recall_at_10", Rounding.places(r10, 4));
        o.put("mrr", Rounding.places(mrr, 4));
        o.put("p50_ms", Rounding.places(p50, 3));
        o.put("p99_ms", Rounding.places(p99, 3));
        return o;
    }
}
