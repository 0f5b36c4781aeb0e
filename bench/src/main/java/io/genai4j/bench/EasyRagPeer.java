package io.genai4j.bench;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.EmbeddingStoreIngestor;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import io.genai4j.rag.eval.Latencies;
import io.genai4j.rag.eval.RankMetrics;
import io.genai4j.rag.eval.Squad;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * LangChain4j Easy RAG on SQuAD, as its users run it: {@link EmbeddingStoreIngestor} with no splitter
 * given takes Easy RAG's through LangChain4j's service loader (recursive, 300 tokens, 30 overlap) and
 * writes to an in-memory store; the model is Easy RAG's, quantized BGE small v1.5 in ONNX Runtime,
 * named explicitly because the BERT lesson's model jars on this class path also offer models to the
 * service loader. Questions go through an {@link EmbeddingStoreContentRetriever} asked for 10
 * results (its default is 3) so recall@10 can be read. Each paragraph is given as
 * "title\nparagraph", the same text genai4j's index sees.
 */
final class EasyRagPeer {
    /** The peer's quality, ingestion speed and per-query latency. */
    record Result(RankMetrics metrics, int segments, double ingestSeconds, Latencies latencies) {}

    private EasyRagPeer() {}

    static Result run(Squad data, IntConsumer questionsDone) {
        List<Document> docs = new ArrayList<>();
        for (var p : data.paragraphs()) docs.add(Document.from(p.title() + "\n" + p.text(), Metadata.from("source", p.source())));
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        AtomicInteger segments = new AtomicInteger();
        long t0 = System.nanoTime();
        EmbeddingModel model = new BgeSmallEnV15QuantizedEmbeddingModel();
        EmbeddingStoreIngestor.builder().embeddingStore(store).embeddingModel(model).textSegmentTransformer(s -> {
            segments.incrementAndGet();
            return s;
        }).build().ingest(docs);
        double ingestSeconds = (System.nanoTime() - t0) / 1e9;
        EmbeddingStoreContentRetriever retriever = EmbeddingStoreContentRetriever.builder().embeddingStore(store).embeddingModel(model)
                .maxResults(10).build();
        RankMetrics metrics = new RankMetrics();
        Latencies latencies = new Latencies();
        int done = 0;
        for (Squad.Question q : data.questions()) {
            long t1 = System.nanoTime();
            List<Content> found = retriever.retrieve(Query.from(q.text()));
            latencies.add(System.nanoTime() - t1);
            Set<String> ranked = new LinkedHashSet<>();
            for (Content c : found) ranked.add(c.textSegment().metadata().getString("source"));
            metrics.add(new ArrayList<>(ranked), q.source());
            if (++done % 100 == 0 || done == data.questions().size()) questionsDone.accept(done);
        }
        return new Result(metrics, segments.get(), ingestSeconds, latencies);
    }
}
