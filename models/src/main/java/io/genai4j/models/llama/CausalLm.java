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

    default KvCache newCache(int capacity) {
        return new KvCache(config(), capacity);
    }
}
