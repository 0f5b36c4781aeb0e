package io.genai4j.models.transformer;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.LayerNorm;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.nn.MultiHeadAttention;
import io.genai4j.engine.ops.Attention;
import io.genai4j.engine.ops.F;

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

    /**
     * One decoding step with cached keys and values (inference): y [N, 1, d_model] is the newest
     * target position; selfKv holds {K, V} [N, h, t, d_k] of the positions before it and is extended
     * here; crossK, crossV are the encoder output's projections, computed once per sentence. The same
     * equations as {@link #forward}, without recomputing the prefix: O(t) per step instead of O(t²).
     */
    public Output step(Tensor y, Tensor[] selfKv, Tensor crossK, Tensor crossV, Tensor srcPad, boolean keepWeights) {
        if (isTraining()) throw new IllegalStateException("cached decoding is for inference: call eval() first");
        Tensor q = selfAttn.splitHeads(selfAttn.wq.forward(y));
        Tensor k = selfAttn.splitHeads(selfAttn.wk.forward(y)), v = selfAttn.splitHeads(selfAttn.wv.forward(y));
        selfKv[0] = selfKv[0] == null ? k : F.cat(2, selfKv[0], k);
        selfKv[1] = selfKv[1] == null ? v : F.cat(2, selfKv[1], v);
        float scale = (float) (1 / Math.sqrt(q.size(-1)));
        Tensor a = Attention.attention(q, selfKv[0], selfKv[1], false, null, scale, false).output();   // every earlier position, none later
        y = norm1.forward(y.add(selfAttn.wo.forward(MultiHeadAttention.mergeHeads(a))));
        Tensor qc = crossAttn.splitHeads(crossAttn.wq.forward(y));
        Attention.Result c = Attention.attention(qc, crossK, crossV, false, srcPad, scale, keepWeights);
        y = norm2.forward(y.add(crossAttn.wo.forward(MultiHeadAttention.mergeHeads(c.output()))));
        return new Output(norm3.forward(y.add(ffn.forward(y))), c.weights());
    }
}
