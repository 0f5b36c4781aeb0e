package io.genai4j.engine.nn;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.ops.Attention;

/**
 * Multi-head attention as in "Attention Is All You Need" (§3.2.2):
 * <pre>
 *   MultiHead(Q, K, V) = Concat(head_1, ..., head_h)·W^O,   head_i = Attention(Q·W_i^Q, K·W_i^K, V·W_i^V)
 *   Attention(Q, K, V) = softmax(Q·Kᵀ/√d_k)·V
 * </pre>
 * The h projections W_i^Q are the column blocks of one d_model×d_model matrix (likewise K, V), so
 * "split into heads" is a reshape [B, T, d_model] → [B, T, h, d_k] → [B, h, T, d_k]. Serves as
 * self-attention (x attends to itself) and as encoder-decoder attention (queries from the decoder,
 * keys and values from the encoder output).
 */
public final class MultiHeadAttention extends Module {
    public final Linear wq, wk, wv, wo;
    public final int heads;
    private final Dropout dropout;

    /** The output and, when requested, the attention weights [B, h, Tq, Tk]. */
    public record Output(Tensor output, Tensor weights) {}

    public MultiHeadAttention(int dModel, int heads, boolean bias, float dropout, Rng rng) {
        if (dModel % heads != 0) throw new IllegalArgumentException("d_model " + dModel + " is not divisible by " + heads + " heads");
        this.heads = heads;
        this.wq = add("q_proj", new Linear(dModel, dModel, bias, rng));
        this.wk = add("k_proj", new Linear(dModel, dModel, bias, rng));
        this.wv = add("v_proj", new Linear(dModel, dModel, bias, rng));
        this.wo = add("out_proj", new Linear(dModel, dModel, bias, rng));
        this.dropout = add("dropout", new Dropout(dropout, rng));
    }

    /**
     * query [B, Tq, d_model], keyValue [B, Tk, d_model]. causal hides future keys; keyPadding is null
     * or [B, Tk] with 1 at padded keys.
     */
    public Output forward(Tensor query, Tensor keyValue, boolean causal, Tensor keyPadding, boolean keepWeights) {
        Tensor q = splitHeads(wq.forward(query));
        Tensor k = splitHeads(wk.forward(keyValue));
        Tensor v = splitHeads(wv.forward(keyValue));
        float scale = (float) (1 / Math.sqrt(q.size(-1)));
        Attention.Result r = Attention.attention(q, k, v, causal, keyPadding, scale, keepWeights);
        return new Output(dropout.forward(wo.forward(mergeHeads(r.output()))), r.weights());
    }

    /** Self-attention: forward(x, x, ...). */
    public Tensor forward(Tensor x, boolean causal, Tensor keyPadding) {
        return forward(x, x, causal, keyPadding, false).output();
    }

    /** [B, T, h·d_k] → [B, h, T, d_k] (a view). */
    public Tensor splitHeads(Tensor x) {
        int b = x.size(0), t = x.size(1), c = x.size(2);
        return x.reshape(b, t, heads, c / heads).transpose(1, 2);
    }

    /** [B, h, T, d_k] → [B, T, h·d_k]: Concat(head_1, ..., head_h). */
    public static Tensor mergeHeads(Tensor x) {
        int b = x.size(0), h = x.size(1), t = x.size(2), d = x.size(3);
        return x.transpose(1, 2).reshape(b, t, h * d);
    }
}
