package io.genai4j.models.bert;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.nn.MultiHeadAttention;
import io.genai4j.engine.ops.Attention;
import io.genai4j.engine.ops.F;

/**
 * Bidirectional multi-head self-attention ("Attention Is All You Need" §3.2.2, unmasked as in BERT):
 * <pre>
 *   Q = X·W^Q + b^Q,  K = X·W^K + b^K,  V = X·W^V + b^V      (each split into h heads of d_k)
 *   head_i = softmax(Q_i·K_iᵀ/√d_k + M)·V_i                  M = −∞ at padded keys
 *   SelfAttention(X) = Concat(head_1, ..., head_h)
 * </pre>
 * The output projection W^O lives in {@link BertLayer} as "attention.output.dense", where Hugging
 * Face puts it. The head merge view and the fused kernel are the engine's
 * ({@link MultiHeadAttention#mergeHeads}, {@link Attention}), shared with the GPT lesson; only the
 * parameter names differ, so BERT checkpoints load by name.
 *
 * <p>For inference the three projections run as one: [W^Q; W^K; W^V] stacked into a [3H, H]
 * matrix ({@link #fuse()}), one GEMM three times as wide, whose output [B, T, 3, h, d_k] is
 * viewed as Q, K and V without copying.
 */
public final class BertSelfAttention extends Module {
    final Linear query, key, value;
    final int heads;
    private Tensor fusedWeight, fusedBias;   // inference copies of [W^Q; W^K; W^V] and [b^Q; b^K; b^V]

    BertSelfAttention(BertConfig c, Rng rng) {
        heads = c.heads();
        query = add("query", new Linear(c.hidden(), c.hidden(), true, rng));
        key = add("key", new Linear(c.hidden(), c.hidden(), true, rng));
        value = add("value", new Linear(c.hidden(), c.hidden(), true, rng));
    }

    /** Builds the stacked QKV weights from the current parameters (call again after changing them). */
    void fuse() {
        try (Grad g = Grad.off()) {
            fusedWeight = F.cat(0, query.weight, key.weight, value.weight).detach();
            fusedBias = F.cat(0, query.bias, key.bias, value.bias).detach();
        }
    }

    /** x [B, T, H], keyPadding [B, T] (1 = ignore) or null; returns the merged heads [B, T, H] and, if asked, P [B, h, T, T]. */
    Attention.Result forward(Tensor x, Tensor keyPadding, boolean keepWeights) {
        int b = x.size(0), t = x.size(1), hidden = x.size(2), d = hidden / heads;
        Tensor q, k, v;
        if (fusedWeight != null && !Grad.enabled()) {
            Tensor qkv = F.linear(x, fusedWeight, fusedBias).reshape(b, t, 3, heads, d).permute(2, 0, 3, 1, 4);   // [3, B, h, T, d]
            q = qkv.select(0, 0);
            k = qkv.select(0, 1);
            v = qkv.select(0, 2);
        } else {
            q = split(F.linear(x, query.weight, query.bias));
            k = split(F.linear(x, key.weight, key.bias));
            v = split(F.linear(x, value.weight, value.bias));
        }
        float scale = (float) (1 / Math.sqrt(d));
        Attention.Result r = Attention.attention(q, k, v, false, keyPadding, scale, keepWeights);
        return new Attention.Result(MultiHeadAttention.mergeHeads(r.output()), r.weights());
    }

    /** [B, T, h·d_k] → [B, h, T, d_k] (a view). */
    private Tensor split(Tensor x) {
        int b = x.size(0), t = x.size(1), c = x.size(2);
        return x.reshape(b, t, heads, c / heads).transpose(1, 2);
    }
}
