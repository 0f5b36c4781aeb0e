package io.genai4j.models.transformer;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.LayerNorm;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.nn.MultiHeadAttention;

/**
 * §3.1, one of the N decoder layers: masked multi-head self-attention (position i sees positions
 * ≤ i only, "ensures that the predictions for position i can depend only on the known outputs at
 * positions less than i"), then encoder-decoder attention (queries from the decoder, keys and values
 * from the encoder output), then the feed-forward net; each as LayerNorm(x + Sublayer(x)).
 */
public final class DecoderLayer extends Module {
    public final MultiHeadAttention selfAttn, crossAttn;
    public final PositionwiseFeedForward ffn;
    private final LayerNorm norm1, norm2, norm3;

    /** The layer's output and, when asked for, its encoder-decoder attention weights [B, h, T, S]. */
    public record Output(Tensor output, Tensor crossWeights) {}

    public DecoderLayer(TransformerConfig c, Rng rng) {
        selfAttn = add("self_attn", new MultiHeadAttention(c.dModel(), c.heads(), true, c.dropout(), rng));
        norm1 = add("norm_1", new LayerNorm(c.dModel()));
        crossAttn = add("cross_attn", new MultiHeadAttention(c.dModel(), c.heads(), true, c.dropout(), rng));
        norm2 = add("norm_2", new LayerNorm(c.dModel()));
        ffn = add("ffn", new PositionwiseFeedForward(c.dModel(), c.dFf(), c.dropout(), rng));
        norm3 = add("norm_3", new LayerNorm(c.dModel()));
    }

    /** y [B, T, d_model] (target so far), memory [B, S, d_model] (encoder output), srcPad [B, S]. */
    public Output forward(Tensor y, Tensor memory, Tensor srcPad, boolean keepWeights) {
        y = norm1.forward(y.add(selfAttn.forward(y, true, null)));                       // causal: no peeking ahead
        MultiHeadAttention.Output cross = crossAttn.forward(y, memory, false, srcPad, keepWeights);
        y = norm2.forward(y.add(cross.output()));
        return new Output(norm3.forward(y.add(ffn.forward(y))), cross.weights());
    }
}
