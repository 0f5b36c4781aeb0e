package io.genai4j.rag.index;

import io.genai4j.rag.split.Chunk;

/**
 * A retrieved chunk with its score (BM25, dot product, or fused; comparable within one result list
 * only) and its Lucene document number in the local reader it came from ({@link #REMOTE} for a hit
 * from a remote index, which names chunks by id).
 */
public record Hit(Chunk chunk, double score, int doc) {
    /** The document number of a hit that has none in a local reader. */
    public static final int REMOTE = -1;

    public Hit withScore(double s) {
        return new Hit(chunk, s, doc);
    }
}
