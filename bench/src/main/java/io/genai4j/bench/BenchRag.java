package io.genai4j.bench;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.cli.rag.ChunkOptions;
import io.genai4j.cli.rag.EvalTable;
import io.genai4j.cli.rag.SquadOptions;
import io.genai4j.engine.util.Progress;
import io.genai4j.engine.util.Rounding;
import io.genai4j.rag.embed.Embedder;
import io.genai4j.rag.eval.EvalListener;
import io.genai4j.rag.eval.EvalResult;
import io.genai4j.rag.eval.Squad;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code genai bench rag}: LangChain4j Easy RAG beside genai4j's retrievers on the same SQuAD
 * paragraphs and questions in one process: recall@1/5/10, MRR, indexing chunks/s and query latency.
 */
@Command(name = "rag", mixinStandardHelpOptions = true,
        description = {"Retrieval on SQuAD v1.1 dev: LangChain4j Easy RAG (300/30 recursive splitter, quantized BGE small in ONNX",
                "Runtime, in-memory store) beside genai4j's BM25, dense and hybrid retrievers, same corpus and questions.",
                "Use --paragraphs/--questions for a quick run; the full set takes long on two cores."})
public final class BenchRag implements Callable<Integer> {
    @Mixin
    SquadOptions squad;
    @Mixin
    JsonOption json;
    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        Squad data = squad.load();
        Report report = new Report().put("data", squad.file().toString()).put("paragraphs", data.paragraphs().size())
                .put("questions", data.questions().size());
        EvalTable table = new EvalTable();

        EasyRagPeer.Result peer;
        try (Progress bar = new Progress("easy-rag questions", data.questions().size())) {
            peer = EasyRagPeer.run(data, n -> bar.update(n, ""));
        }
        table.add(new EvalResult.Method("easy-rag", peer.metrics().recallAt1(), peer.metrics().recallAt5(), peer.metrics().recallAt10(),
                peer.metrics().mrr(), peer.latencies().percentileMillis(50), peer.latencies().percentileMillis(99)));
        report.put("easy_rag_segments", peer.segments()).put("easy_rag_chunks_per_second", Rounding.places(peer.segments() / peer.ingestSeconds(), 2));
        System.out.printf(Locale.ROOT, "Easy RAG: %,d segments ingested in %.1f s (%.1f chunks/s)%n", peer.segments(), peer.ingestSeconds(),
                peer.segments() / peer.ingestSeconds());

        List<Embedder> embedders = squad.embedders();
        if (!embedders.isEmpty()) {
            EvalResult ours = squad.evaluate(data, embedders, ChunkOptions.DEFAULT_TOKENS, ChunkOptions.DEFAULT_OVERLAP, null, EvalListener.NONE);
            table.addAll(ours.methods());
            for (EvalResult.Indexing i : ours.indexing()) {
                report.put("genai_" + i.model() + "_chunks_per_second", Rounding.places(i.chunksPerSecond(), 2))
                        .put("genai_" + i.model() + "_index_bytes", i.indexBytes());
                System.out.printf(Locale.ROOT, "genai4j %s: %,d chunks in %.1f s (%.1f chunks/s), index %.1f MB%n", i.model(), i.chunks(),
                        i.seconds(), i.chunksPerSecond(), i.indexBytes() / 1e6);
            }
        }
        table.print(System.out);
        if (json.on()) report.put("methods", table.json()).printJson(System.out);
        return 0;
    }
}
