package io.genai4j.models.captioner;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.nn.MultiHeadAttention;
import io.genai4j.engine.ops.Attention;
import io.genai4j.engine.ops.F;

/**
 * Multi-head self-attention under {@link GitMask}, computed as the mask's two row blocks so the
 * engine's fused attention serves both:
 * <pre>
 *   image rows (queries 0..n−1):   softmax(Q_img·K_imgᵀ/√d_k)·V_img                  (no mask)
 *   text rows  (queries n..n+t−1): softmax(Q_txt·Kᵀ/√d_k + causal with shift n)·V   text query i sees keys 0..n+i
 * </pre>
 * then Concat(heads)·W^O. The projections are those of one {@link MultiHeadAttention}.
 */
public final class GitAttention extends Module {
    public final MultiHeadAttention attn;

    /** The output [B, n + t, D] and, when asked for, the text rows' weights [B, heads, t, n + t]. */
    public record Output(Tensor x, Tensor textWeights) {}

    public GitAttention(int dim, int heads, Rng rng) {
        attn = add("attn", new MultiHeadAttention(dim, heads, true, 0f, rng));
    }

    /** x [B, n + t, D] with the image tokens first. */
    public Output forward(Tensor x, int imageTokens, boolean keepWeights) {
        int n = imageTokens, t = x.size(1) - n;
        if (n < 1 || t < 1) throw new IllegalArgumentException("GIT attention needs image and text tokens, got " + n + " and " + t);
        Tensor q = attn.splitHeads(attn.wq.forward(x)), k = attn.splitHeads(attn.wk.forward(x)), v = attn.splitHeads(attn.wv.forward(x));
        float scale = (float) (1 / Math.sqrt(q.size(-1)));
        Attention.Result image = Attention.attention(q.narrow(2, 0, n), k.narrow(2, 0, n), v.narrow(2, 0, n), false, null, scale, false);
        Attention.Result text = Attention.attention(q.narrow(2, n, t), k, v, true, null, scale, keepWeights);
        Tensor heads = F.cat(2, image.output(), text.output());                    // [B, h, n + t, d_k]
        return new Output(attn.wo.forward(MultiHeadAttention.mergeHeads(heads)), text.weights());
    }
}
