package io.genai4j.models.seq2seq;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Module;

/**
 * Attention over the encoder's states h_1..h_S for one decoder step: scores e_j, weights
 * α = softmax(e) (padded source positions get none), context c = Σ_j α_j·h_j. What scores a
 * state differs between Bahdanau and Luong.
 */
public abstract class SourceAttention extends Module {
    /** The context [B, 2H] and the weights [B, S]. */
    public record Result(Tensor context, Tensor weights) {}

    /** What can be computed once per sentence from the encoder states [B, S, 2H] (their projections). */
    public abstract Tensor keys(Tensor encoded);

    /** Scores [B, S] of a query [B, H] against the keys. */
    protected abstract Tensor scores(Tensor query, Tensor keys);

    /** α = softmax(e) over real source positions, c = α·h. pad is [B, S] with 1 at padding. */
    public Result attend(Tensor query, Tensor keys, Tensor encoded, Tensor pad) {
        Tensor e = scores(query, keys).maskedFill(pad, Float.NEGATIVE_INFINITY);
        Tensor alpha = e.softmax(-1);                                              // [B, S]
        Tensor context = alpha.unsqueeze(1).matmul(encoded).squeeze(1);            // [B, 1, S]·[B, S, 2H] → [B, 2H]
        return new Result(context, alpha);
    }
}
