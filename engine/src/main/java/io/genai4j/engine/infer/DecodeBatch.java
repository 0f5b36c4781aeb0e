package io.genai4j.engine.infer;

import java.util.List;

/**
 * Batched decoding: one step that takes one new token from each of K sessions of one loaded model
 * (each at its own position, with its own KV cache and LoRA adapters) and runs every weight matrix
 * once for all K — the K matrix-vector products of K separate steps become one K-row product, so
 * the weights stream from memory once per step instead of K times. Attention stays per session,
 * against its own cache. Each session ends up as if it had run its token alone.
 *
 * <p>A batch owns the activation buffers of its steps and is used by one thread at a time (a
 * scheduler's); the sessions it steps must not run elsewhere meanwhile.
 */
public final class DecodeBatch {
    private DecoderPlan plan;
    private SessionBuffers buffers;

    /**
     * Runs tokens[s] in sessions.get(s) for every s, appending each to its session's cache, and
     * returns the next-token logits row-major, [K, vocab], row s for session s.
     *
     * @throws IllegalArgumentException if the sessions are not all distinct sessions of one model's
     *                                  runtime, a token is outside the vocabulary, or a context is full
     */
    public float[] step(List<? extends Session> sessions, int[] tokens) {
        RuntimeSession[] rs = new RuntimeSession[sessions.size()];
        for (int s = 0; s < rs.length; s++) {
            if (!(sessions.get(s) instanceof RuntimeSession r)) {
                throw new IllegalArgumentException("session " + s + " is not a decoder-runtime session: " + sessions.get(s).getClass().getName());
            }
            rs[s] = r;
        }
        if (rs.length == 0) throw new IllegalArgumentException("no sessions to step");
        DecoderRuntime runtime = rs[0].runtime();
        if (runtime.plan() != plan) {
            plan = runtime.plan();
            buffers = runtime.newBuffers();
        }
        return runtime.step(buffers, rs, tokens);
    }
}
