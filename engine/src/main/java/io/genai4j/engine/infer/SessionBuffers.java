package io.genai4j.engine.infer;

/**
 * A session's working memory for {@link DecoderRuntime}: activations of up to {@code rows}
 * positions, grown on demand and reused from token to token (no allocation per token but the
 * returned logits). Owned by one session, so no two threads ever write the same buffer.
 */
final class SessionBuffers {
    private final DecoderPlan.Dims d;
    private final int pairs;
    private int rows;
    float[] x, h, tmp, qkv, att, gu, act, cos, sin;

    SessionBuffers(DecoderPlan.Dims d, int pairs) {
        this.d = d;
        this.pairs = pairs;
    }

    /** Makes room for t positions. */
    void ensureRows(int t) {
        if (t <= rows) return;
        rows = t;
        int dim = d.dim(), ffn = d.ffn();
        x = new float[t * dim];
        h = new float[t * dim];
        tmp = new float[t * dim];
        qkv = new float[t * (d.qDim() + 2 * d.kvDim())];
        att = new float[t * d.qDim()];
        gu = new float[t * 2 * ffn];
        act = new float[t * ffn];
        cos = new float[t * Math.max(1, pairs)];
        sin = new float[cos.length];
    }
}
