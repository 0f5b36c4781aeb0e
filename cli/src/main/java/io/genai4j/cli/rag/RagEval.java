package io.genai4j.cli.rag;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.engine.util.Progress;
import io.genai4j.engine.util.Rounding;
import io.genai4j.rag.embed.Embedder;
import io.genai4j.rag.eval.EvalListener;
import io.genai4j.rag.eval.EvalResult;
import io.genai4j.rag.eval.Squad;
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
                "The full run embeds ~2,500 chunks and ~10,600 questions per encoder: tens of minutes on two cores."})
public final class RagEval implements Callable<Integer> {
    @Mixin
    SquadOptions squad;
    @Mixin
    ChunkOptions chunks;
    @Option(names = "--work", paramLabel = "DIR", description = "Where the indexes are built (default: a temporary folder, deleted after).")
    Path work;
    @Mixin
    JsonOption json;
    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        Squad data = squad.load();
        List<Embedder> embedders = squad.embedders();
        if (embedders.isEmpty()) throw new IllegalArgumentException("--models none leaves nothing to evaluate but BM25: give at least one encoder");
        System.err.printf(Locale.ROOT, "SQuAD: %,d paragraphs, %,d questions; encoders %s; indexes in %s%n", data.paragraphs().size(),
                data.questions().size(), squad.models, work != null ? work : "a temporary folder");
        EvalResult r;
        try (PhaseProgress events = new PhaseProgress()) {
            r = squad.evaluate(data, embedders, chunks.requested(), chunks.overlap(), work, events);
        }
        System.out.printf(Locale.ROOT, "SQuAD v1.1 dev retrieval: %,d paragraphs, %,d questions%n", r.paragraphs(), r.questions());
        EvalTable table = new EvalTable().addAll(r.methods());
        table.print(System.out);
        List<Map<String, Object>> indexing = new ArrayList<>();
        for (EvalResult.Indexing i : r.indexing()) {
            System.out.printf(Locale.ROOT, "index %-12s %,d chunks in %.1f s (%.1f chunks/s), %.1f MB on disk%n", i.model(), i.chunks(),
                    i.seconds(), i.chunksPerSecond(), i.indexBytes() / 1e6);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("model", i.model());
            o.put("chunks", i.chunks());
            o.put("seconds", Rounding.places(i.seconds(), 2));
            o.put("chunks_per_second", Rounding.places(i.chunksPerSecond(), 2));
            o.put("index_bytes", i.indexBytes());
            indexing.add(o);
        }
        if (json.on()) {
            new Report().put("data", squad.file().toString()).put("paragraphs", r.paragraphs()).put("questions", r.questions())
                    .put("chunk_tokens", chunks.requested()).put("overlap", chunks.overlap())
                    .put("latency_sample", Math.min(squad.latencySample(), r.questions())).put("methods", table.json()).put("indexing", indexing)
                    .printJson(System.out);
        }
        return 0;
    }

    /** One progress bar per phase of the evaluation. */
    static final class PhaseProgress implements EvalListener, AutoCloseable {
        private Progress bar;
        private String phase = "";

        @Override
        public void progress(String p, int done, int total) {
            if (!p.equals(phase)) {
                close();
                phase = p;
                bar = new Progress(p, total);
            }
            bar.update(done, "");
        }

        @Override
        public void close() {
            if (bar != null) bar.close();
        }
    }
}
