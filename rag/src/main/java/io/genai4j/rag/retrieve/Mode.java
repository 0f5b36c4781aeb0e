package io.genai4j.rag.retrieve;

import io.genai4j.engine.util.Printable;
import java.util.Locale;

/** How chunks are found: words (BM25), meaning (dense kNN), or both fused by rank. */
public enum Mode {
    BM25, DENSE, HYBRID;

    public static Mode parse(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown retrieval mode " + Printable.of(s) + ": expected bm25, dense or hybrid");
        }
    }
}
