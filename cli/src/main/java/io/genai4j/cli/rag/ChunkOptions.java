package io.genai4j.cli.rag;

import io.genai4j.rag.embed.Embedder;
import io.genai4j.rag.split.Splitter;
import picocli.CommandLine.Option;

/** Chunk size and overlap in the encoder's word pieces, shared by {@code rag index} and {@code rag eval}. */
public final class ChunkOptions {
    /** The defaults: {@code genai rag index}'s chunking, also the one {@code genai bench rag} compares. */
    public static final int DEFAULT_TOKENS = 200, DEFAULT_OVERLAP = 30;

    @Option(names = "--chunk-tokens", defaultValue = "" + DEFAULT_TOKENS, description = "Chunk size in the encoder's word pieces (default: ${DEFAULT-VALUE}).")
    int chunkTokens;
    @Option(names = "--overlap", defaultValue = "" + DEFAULT_OVERLAP, description = "Tokens a chunk repeats from the previous one in its section (default: ${DEFAULT-VALUE}).")
    int overlap;

    /** The chunk size, capped by the encoder's input limit ([CLS] and [SEP] take two). */
    public int chunkTokens(Embedder e) {
        return Math.min(chunkTokens, e.maxLength() - 2);
    }

    public int overlap() {
        return overlap;
    }

    public Splitter splitter(Embedder e) {
        return Splitter.of(e.tokenizer(), chunkTokens(e), overlap);
    }

    /** The size asked for, before any encoder's cap (what an evaluation over several encoders reports). */
    public int requested() {
        return chunkTokens;
    }
}
