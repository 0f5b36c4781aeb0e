package io.genai4j.engine.infer;

/** A {@link Session} run by a {@link DecoderRuntime}: its own KV cache and buffers, the shared plan. */
public final class RuntimeSession implements Session {
    private final DecoderRuntime runtime;
    private final KvCache cache;
    private final SessionBuffers buffers;

    RuntimeSession(DecoderRuntime runtime, KvCache cache, SessionBuffers buffers) {
        this.runtime = runtime;
        this.cache = cache;
        this.buffers = buffers;
    }

    @Override
    public float[] forward(int[] tokens, boolean allPositions) {
        return runtime.forward(buffers, cache, tokens, allPositions);
    }

    DecoderRuntime runtime() {
        return runtime;
    }

    @Override
    public KvCache cache() {
        return cache;
    }
}
