package io.genai4j.models.bert;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.nn.MultiHeadAttention;
import io.genai4j.engine.ops.Attention;

/**
 * Bidirectional multi-head self-attention ("Attention Is All You Need" §3.2.2, unmasked as in BERT):
 * <pre>
 *   Q = X·W^Q + b^Q,  K = X·W^K + b^K,  V = X·W^V + b^V      (each split into h heads of d_k)
 *   head_i = softmax(Q_i·K_iᵀ/√d_k + M)·V_i                  M = −∞ at padded keys
 *   SelfAttention(X) = Concat(head_1, ..., head_h)
 * </pre>
 * The output projection W^O lives in {@link BertLayer} as "attention.output.dense", where Hugging
 * Face puts it. The head split/merge views and the fused kernel are the engine's
 * ({@link MultiHeadAttention#splitHeads}, {@link Attention}), shared with the GPT lesson; only the
 * parameter names differ, so BERT checkpoints load by name.
 */
public final class BertSelfAttention extends Module {
    final Linear query, key, value;
    final int heads;

    BertSelfAttention(BertConfig c, Rng rng) {
        heads = c.heads();
        query = add("query", new Linear(c.hidden(), c.hidden(), true, rng));
        key = add("key", new Linear(c.hidden(), c.hidden(), true, rng));
        value = add("value", new Linear(c.hidden(), c.hidden(), true, rng));
    }

    /** x [B, T, H], keyPadding [B, T] (1 = ignore) or null; returns the merged heads [B, T, H] and, if asked, P [B, h, T, T]. */
    Attention.Result forward(Tensor x, Tensor keyPadding, boolean keepWeights) {
        Tensor q = split(query.forward(x)), k = split(key.forward(x)), v = split(value.forward(x));
        float scale = (float) (1 / Math.sqrt(q.size(-1)));
        Attention.Result r = Attention.attention(q, k, v, false, keyPadding, scale, keepWeights);
        return new Attention.Result(MultiHeadAttention.mergeHeads(r.output()), r.weights());
    }

    /** [B, T, h·d_k] → [B, h, T, d_k] (a view). */
    private Tensor split(Tensor x) {
        int b = x.size(0), t = x.size(1), c = x.size(2);
        return x.reshape(b, t, heads, c / heads).transpose(1, 2);
    }
}
