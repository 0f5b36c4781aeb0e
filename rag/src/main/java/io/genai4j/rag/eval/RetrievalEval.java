package io.genai4j.rag.eval;

import io.genai4j.rag.embed.Embedder;
import io.genai4j.rag.index.Filter;
import io.genai4j.rag.index.Hit;
import io.genai4j.rag.index.RagIndex;
import io.genai4j.rag.index.RagSearcher;
import io.genai4j.rag.ingest.IndexListener;
import io.genai4j.rag.ingest.IndexStats;
import io.genai4j.rag.ingest.Indexer;
import io.genai4j.rag.load.Document;
import io.genai4j.rag.retrieve.Retriever;
import io.genai4j.rag.split.Splitter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs every retriever over the same questions: BM25; dense with each encoder; hybrid (BM25 + one
 * encoder, RRF) per encoder; and, with two or more encoders, hybrid over BM25 and all of them. One
 * index per encoder is built in {@code workDir} with the same splitter settings (BM25 is read from
 * the first). Recall and MRR use every question, with query vectors embedded in batches; latency is
 * timed on the first {@code latencySample} questions one at a time, as a user would ask them.
 */
public final class RetrievalEval {
    private RetrievalEval() {}

    /**
     * @param chunkTokens   chunk size in word pieces (capped by each encoder's input limit)
     * @param overlapTokens overlap between consecutive chunks of a section
     * @param latencySample questions timed one by one
     */
    public record Options(int chunkTokens, int overlapTokens, int latencySample, Path workDir) {}

    public static EvalResult run(Squad data, List<Embedder> embedders, Options o, EvalListener listener) throws IOException {
        if (embedders.isEmpty()) throw new IllegalArgumentException("at least one embedding model is needed");
        List<RagIndex> indexes = new ArrayList<>();
        List<RagSearcher> searchers = new ArrayList<>();
        try {
            List<EvalResult.Indexing> indexing = new ArrayList<>();
            for (Embedder e : embedders) {
                RagIndex index = RagIndex.open(o.workDir().resolve(e.name()), e.name(), e.dimension());
                indexes.add(index);
                indexing.add(build(index, e, data.paragraphs(), o, listener));
                searchers.add(index.searcher());
            }
            return new EvalResult(data.paragraphs().size(), data.questions().size(), quality(data, embedders, searchers, o, listener), indexing);
        } finally {
            for (RagSearcher s : searchers) s.close();
            for (RagIndex i : indexes) i.close();
        }
    }

    private static EvalResult.Indexing build(RagIndex index, Embedder e, List<Document> docs, Options o, EvalListener listener) throws IOException {
        Splitter splitter = Splitter.of(e.tokenizer(), Math.min(o.chunkTokens(), e.maxLength() - 2), o.overlapTokens());
        String phase = "index " + e.name();
        IndexListener progress = new IndexListener() {
            @Override
            public void committed(int documents, int chunks, int chunksSoFar) {
                listener.progress(phase, chunksSoFar, -1);
            }
        };
        Indexer indexer = new Indexer(index, e, splitter, progress, Indexer.DEFAULT_BATCH_CHUNKS);
        for (Document d : docs) indexer.add(d);
        IndexStats s = indexer.finish(true);
        return new EvalResult.Indexing(e.name(), s.chunks(), s.totalNanos() / 1e9, s.chunksPerSecond(), index.sizeBytes());
    }

    private static List<EvalResult.Method> quality(Squad data, List<Embedder> embedders, List<RagSearcher> searchers, Options o,
                                                   EvalListener listener) throws IOException {
        int m = embedders.size(), depth = Retriever.DEPTH, total = data.questions().size();
        List<String> names = new ArrayList<>(List.of("bm25"));
        for (Embedder e : embedders) names.add("dense-" + e.name());
        for (Embedder e : embedders) names.add("hybrid-" + e.name());
        if (m > 1) names.add("hybrid");
        List<RankMetrics> metrics = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) metrics.add(new RankMetrics());

        List<String> texts = data.questions().stream().map(Squad.Question::text).toList();
        float[][][] queryVectors = new float[m][][];
        for (int j = 0; j < m; j++) {
            String phase = "embed questions " + embedders.get(j).name();
            int[] done = {0};
            queryVectors[j] = embedders.get(j).queries(texts, n -> listener.progress(phase, done[0] += n, total));
        }
        for (int q = 0; q < total; q++) {
            String text = texts.get(q), relevant = data.questions().get(q).source();
            List<Hit> bm25 = searchers.getFirst().bm25(text, depth, Filter.NONE);
            List<List<Hit>> dense = new ArrayList<>();
            for (int j = 0; j < m; j++) dense.add(searchers.get(j).dense(queryVectors[j][q], depth, Filter.NONE));
            int col = 0;
            metrics.get(col++).add(sources(bm25), relevant);
            for (int j = 0; j < m; j++) metrics.get(col++).add(sources(dense.get(j)), relevant);
            for (int j = 0; j < m; j++) metrics.get(col++).add(sources(Retriever.fused(List.of(bm25, dense.get(j)))), relevant);
            if (m > 1) {
                List<List<Hit>> all = new ArrayList<>(List.of(bm25));
                all.addAll(dense);
                metrics.get(col).add(sources(Retriever.fused(all)), relevant);
            }
            if ((q + 1) % 100 == 0 || q + 1 == total) listener.progress("search", q + 1, total);
        }
        Latencies[] lat = latencies(data, embedders, searchers, Math.min(o.latencySample(), total), listener);
        List<EvalResult.Method> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            RankMetrics r = metrics.get(i);
            out.add(new EvalResult.Method(names.get(i), r.recallAt1(), r.recallAt5(), r.recallAt10(), r.mrr(),
                    lat[i].percentileMillis(50), lat[i].percentileMillis(99)));
        }
        return out;
    }

    /** Single-query latency per method, in the order of the method names; a query's embedding is part of its time. */
    private static Latencies[] latencies(Squad data, List<Embedder> embedders, List<RagSearcher> searchers, int sample,
                                         EvalListener listener) throws IOException {
        int m = embedders.size();
        Latencies[] lat = new Latencies[1 + 2 * m + (m > 1 ? 1 : 0)];
        for (int i = 0; i < lat.length; i++) lat[i] = new Latencies();
        for (int q = 0; q < sample; q++) {
            String text = data.questions().get(q).text();
            long t0 = System.nanoTime();
            List<Hit> bm25 = searchers.getFirst().bm25(text, Retriever.DEPTH, Filter.NONE);
            long bm25Nanos = System.nanoTime() - t0;
            lat[0].add(bm25Nanos);
            List<List<Hit>> all = new ArrayList<>(List.of(bm25));
            long denseTotal = 0;
            for (int j = 0; j < m; j++) {
                long t1 = System.nanoTime();
                List<Hit> dense = searchers.get(j).dense(embedders.get(j).query(text), Retriever.DEPTH, Filter.NONE);
                long denseNanos = System.nanoTime() - t1;
                denseTotal += denseNanos;
                lat[1 + j].add(denseNanos);
                long t2 = System.nanoTime();
                Retriever.fused(List.of(bm25, dense));
                lat[1 + m + j].add(bm25Nanos + denseNanos + System.nanoTime() - t2);
                all.add(dense);
            }
            if (m > 1) {
                long t3 = System.nanoTime();
                Retriever.fused(all);
                lat[1 + 2 * m].add(bm25Nanos + denseTotal + System.nanoTime() - t3);
            }
            if ((q + 1) % 50 == 0 || q + 1 == sample) listener.progress("latency", q + 1, sample);
        }
        return lat;
    }

    /** Distinct sources in rank order (a paragraph's best chunk stands for it). */
    static List<String> sources(List<Hit> hits) {
        Set<String> out = new LinkedHashSet<>();
        for (Hit h : hits) out.add(h.chunk().source());
        return new ArrayList<>(out);
    }
}
