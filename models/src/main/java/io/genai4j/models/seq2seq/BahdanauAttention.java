package io.genai4j.models.seq2seq;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Linear;

/**
 * Additive attention (Bahdanau, Cho &amp; Bengio 2015, "Neural Machine Translation by Jointly
 * Learning to Align and Translate"): a small feed-forward net scores how well the decoder's
 * previous state s_{i−1} matches each source annotation h_j,
 * <pre>
 *   e_ij = v_aᵀ · tanh(W_a·s_{i−1} + U_a·h_j)
 * </pre>
 * U_a·h_j does not depend on i, so it is computed once per sentence ({@link #keys}).
 */
public final class BahdanauAttention extends SourceAttention {
    public final Linear wa, ua, va;

    public BahdanauAttention(int query, int encoded, int attention, Rng rng) {
        wa = add("W_a", new Linear(query, attention, false, rng));
        ua = add("U_a", new Linear(encoded, attention, true, rng));
        va = add("v_a", new Linear(attention, 1, false, rng));
    }

    @Override
    public Tensor keys(Tensor encoded) {
        return ua.forward(encoded);                                                // [B, S, A]
    }

    @Override
    protected Tensor scores(Tensor query, Tensor keys) {
        Tensor t = keys.add(wa.forward(query).unsqueeze(1)).tanh();                // [B, S, A]
        return va.forward(t).squeeze(-1);                                          // [B, S]
    }
}
