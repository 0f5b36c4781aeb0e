package io.genai4j.models.seq2seq;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Linear;

/**
 * Multiplicative attention (Luong, Pham &amp; Manning 2015, "Effective Approaches to Attention-based
 * Neural Machine Translation"): the current decoder state h_t is compared with each source state by
 * a dot product,
 * <pre>
 *   score(h_t, h̄_s) = h_tᵀ · (W_k·h̄_s)
 * </pre>
 * The bidirectional encoder's states are 2H wide and the decoder's H, so they are projected to H
 * once per sentence (W_k, {@link #keys}) before the dot product — Luong's "general" score, which is
 * the dot score on projected keys.
 */
public final class LuongAttention extends SourceAttention {
    public final Linear wk;

    public LuongAttention(int query, int encoded, Rng rng) {
        wk = add("W_k", new Linear(encoded, query, false, rng));
    }

    @Override
    public Tensor keys(Tensor encoded) {
        return wk.forward(encoded);                                                // [B, S, H]
    }

    @Override
    protected Tensor scores(Tensor query, Tensor keys) {
        return keys.matmul(query.unsqueeze(-1)).squeeze(-1);                       // [B, S, H]·[B, H, 1] → [B, S]
    }
}
