package io.genai4j.rag.index;

import io.genai4j.rag.split.Chunk;

/**
 * A retrieved chunk with its score (BM25, dot product, or fused; comparable within one result list
 * only) and its Lucene document number in the reader it came from.
 */
public record Hit(Chunk chunk, double score, int doc) {
    public Hit withScore(double s) {
        return new Hit(chunk, s, doc);
    }
}
