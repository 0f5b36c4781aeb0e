package io.genai4j.models.llama;

import io.genai4j.engine.Tensor;

/** A decoder-only language model that generation can drive: tokens in, next-token logits out. */
public interface CausalLm {
    LlamaConfig config();

    /**
     * Runs the tokens at positions cache.length().. (or 0.. without a cache) as one batch and returns
     * logits [T, vocab] for every position when {@code allPositions}, else [1, vocab] for the last.
     * With a cache, the tokens' keys and values are appended to it.
     *
     * @throws IllegalArgumentException if the context would exceed the model's context length
     */
    Tensor forward(int[] tokens, KvCache cache, boolean allPositions);

    /**
     * The first position of {@code tokens}: the cache's length, or 0 without one; checks that the
     * model's context length holds them and that there is at least one.
     */
    default int startPosition(int[] tokens, KvCache cache) {
        if (tokens.length == 0) throw new IllegalArgumentException("no tokens to run");
        int start = cache == null ? 0 : cache.length();
        if (start + tokens.length > config().contextLength()) {
            throw new IllegalArgumentException("context of " + (start + tokens.length) + " tokens exceeds the model's context length " + config().contextLength());
        }
        return start;
    }

    default KvCache newCache(int capacity) {
        return new KvCache(config(), capacity);
    }
}
