package io.genai4j.rag.retrieve;

import io.genai4j.rag.embed.Embedder;
import io.genai4j.rag.index.ChunkSearcher;
import io.genai4j.rag.index.Filter;
import io.genai4j.rag.index.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the chunks for a question: BM25, dense, or hybrid (each retriever's top {@code depth}
 * fused by {@link Rrf}), then optionally re-ordered by {@link Mmr} over the fused candidates.
 * The index is local (Lucene) or remote (SolrCloud) behind {@link ChunkSearcher}.
 * The embedder must be the index's model (dense and hybrid need it; BM25 does not).
 */
public final class Retriever {
    /** How deep each list goes before fusion or MMR: RRF needs more than k to let the lists agree. */
    public static final int DEPTH = 50;

    private final ChunkSearcher searcher;
    private final Embedder embedder;

    public Retriever(ChunkSearcher searcher, Embedder embedder) {
        if (embedder != null && !embedder.name().equals(searcher.model())) {
            throw new IllegalArgumentException("the index was built with " + searcher.model() + ", not " + embedder.name());
        }
        this.searcher = searcher;
        this.embedder = embedder;
    }

    /** Options of a search: mode, how many hits, a metadata filter, and MMR's λ (NaN: no MMR). */
    public record Query(Mode mode, int k, Filter filter, double mmrLambda) {
        public Query {
            if (k < 1) throw new IllegalArgumentException("k must be at least 1, got " + k);
        }

        public static Query of(Mode mode, int k) {
            return new Query(mode, k, Filter.NONE, Double.NaN);
        }
    }

    public List<Hit> search(String question, Query q) throws IOException {
        boolean mmr = !Double.isNaN(q.mmrLambda());
        int depth = mmr || q.mode() == Mode.HYBRID ? Math.max(DEPTH, q.k()) : q.k();
        float[] qv = q.mode() == Mode.BM25 && !mmr ? null : queryVector(question);
        List<Hit> ranked = switch (q.mode()) {
            case BM25 -> searcher.bm25(question, depth, q.filter());
            case DENSE -> searcher.dense(qv, depth, q.filter());
            case HYBRID -> fused(List.of(searcher.bm25(question, depth, q.filter()), searcher.dense(qv, depth, q.filter())));
        };
        if (!mmr) return ranked.subList(0, Math.min(q.k(), ranked.size()));
        List<float[]> vectors = searcher.vectors(ranked);
        List<Hit> out = new ArrayList<>();
        for (int i : Mmr.select(qv, vectors, q.k(), q.mmrLambda())) out.add(ranked.get(i));
        return out;
    }

    /** RRF over hit lists of the same view, by chunk id; the score becomes the fused score. */
    public static List<Hit> fused(List<List<Hit>> lists) {
        List<Hit> out = new ArrayList<>();
        for (Rrf.Scored<Hit> s : Rrf.fuse(lists, h -> h.chunk().id())) out.add(s.item().withScore(s.score()));
        return out;
    }

    private float[] queryVector(String question) {
        if (embedder == null) throw new IllegalStateException("dense retrieval and MMR need the index's embedding model");
        return embedder.query(question);
    }
}
