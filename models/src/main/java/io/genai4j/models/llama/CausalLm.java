package io.genai4j.models.llama;

import io.genai4j.engine.DType;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.infer.KvCache;
import io.genai4j.engine.infer.Session;

/**
 * A decoder-only language model that generation can drive: tokens in, next-token logits out.
 * {@link #forward} runs the modules (the reference path, differentiable); {@link #newSession} is the
 * inference path that generation, chat and benchmarks use.
 */
public interface CausalLm {
    LlamaConfig config();

    /**
     * The modules' forward pass: runs the tokens at positions cache.length().. (or 0.. without a cache) as one batch and returns
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

    /** An empty F32 cache for {@link #forward}. */
    default KvCache newCache(int capacity) {
        return newCache(capacity, DType.F32);
    }

    default KvCache newCache(int capacity, DType type) {
        LlamaConfig c = config();
        return new KvCache(c.layers(), c.kvHeads(), c.headDim(), c.contextLength(), capacity, type);
    }

    /**
     * A new conversation on the inference path, with its own KV cache (F32 or F16, room for
     * {@code capacity} positions before it grows); sessions of one model may run on many threads at once.
     */
    Session newSession(int capacity, DType kvType);
}
