package io.genai4j.engine.infer;

/**
 * One conversation with a loaded model: its KV cache and whatever per-request buffers running the
 * model needs. A session is used by one thread at a time; the model holds no per-request state, so
 * N sessions on one model run at once from N threads, each giving what it would give alone.
 */
public interface Session {
    /**
     * Runs the tokens at positions cache().length().. as one batch, appends their keys and values to
     * the cache, and returns logits row-major: [T, vocab] when {@code allPositions}, else [1, vocab]
     * for the last position.
     *
     * @throws IllegalArgumentException if the context would exceed the model's context length, or a
     *                                  token is outside the vocabulary
     */
    float[] forward(int[] tokens, boolean allPositions);

    /** The positions this session has run so far (truncate it to rewind the conversation). */
    KvCache cache();
}
