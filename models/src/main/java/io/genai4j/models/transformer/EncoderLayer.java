package io.genai4j.models.transformer;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.LayerNorm;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.nn.MultiHeadAttention;

/**
 * §3.1, one of the N encoder layers: multi-head self-attention, then the position-wise feed-forward
 * net, each wrapped as LayerNorm(x + Sublayer(x)) ("add &amp; norm", post-norm as in the paper;
 * dropout sits on each sub-layer's output, inside the modules).
 */
public final class EncoderLayer extends Module {
    public final MultiHeadAttention selfAttn;
    public final PositionwiseFeedForward ffn;
    private final LayerNorm norm1, norm2;

    public EncoderLayer(TransformerConfig c, Rng rng) {
        selfAttn = add("self_attn", new MultiHeadAttention(c.dModel(), c.heads(), true, c.dropout(), rng));
        norm1 = add("norm_1", new LayerNorm(c.dModel()));
        ffn = add("ffn", new PositionwiseFeedForward(c.dModel(), c.dFf(), c.dropout(), rng));
        norm2 = add("norm_2", new LayerNorm(c.dModel()));
    }

    /** x [B, S, d_model]; srcPad [B, S] with 1 at padding (no query attends to it). */
    public Tensor forward(Tensor x, Tensor srcPad) {
        x = norm1.forward(x.add(selfAttn.forward(x, false, srcPad)));
        return norm2.forward(x.add(ffn.forward(x)));
    }
}
