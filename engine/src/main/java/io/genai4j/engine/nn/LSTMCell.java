package io.genai4j.engine.nn;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.ops.Recurrence;

/**
 * One step of a long short-term memory cell (Hochreiter &amp; Schmidhuber 1997, with the forget gate
 * of Gers et al. 2000), in PyTorch's gate order and parameter layout (weight_ih [4H, I] and
 * weight_hh [4H, H] stacking the i, f, g, o rows; see {@link RecurrentCell}):
 * <pre>
 *   i = σ(W_ii·x + b_ii + W_hi·h + b_hi)          input gate
 *   f = σ(W_if·x + b_if + W_hf·h + b_hf)          forget gate
 *   g = tanh(W_ig·x + b_ig + W_hg·h + b_hg)       candidate cell
 *   o = σ(W_io·x + b_io + W_ho·h + b_ho)          output gate
 *   c' = f ⊙ c + i ⊙ g
 *   h' = o ⊙ tanh(c')
 * </pre>
 * The four gates come out of one [B, I]·[I, 4H] and one [B, H]·[H, 4H] product (fused gates).
 */
public final class LSTMCell extends RecurrentCell {
    /** The two recurrent states, each [B, H]. */
    public record State(Tensor h, Tensor c) {}

    public LSTMCell(int input, int hidden, Rng rng) {
        super(4, input, hidden, rng);
    }

    /** x [B, I] and the state (h, c) → the next state. */
    public State forward(Tensor x, State s) {
        return step(x.matmul(weightIh.mT()).add(biasIh).add(biasHh), s.h(), s.c(), weightHh, hiddenSize());
    }

    /** Zero states for a batch of b. */
    public State zeros(int b) {
        return new State(Tensor.zeros(b, hiddenSize()), Tensor.zeros(b, hiddenSize()));
    }

    /**
     * The recurrence given the input projection gi = W_ih·x + b_ih + b_hh [B, 4H] (for a sequence
     * {@link LSTM} computes it for all steps at once, so only h·W_hhᵀ is left inside the loop).
     * Takes h and c apart so that a caller holding them loose need not wrap them in a State.
     */
    static State step(Tensor gi, Tensor h, Tensor c, Tensor weightHh, int hidden) {
        Tensor gates = gi.add(h.matmul(weightHh.mT()));     // [B, 4H]: pre-activations of i | f | g | o
        Tensor hc = Recurrence.lstm(gates, c);               // the pointwise equations above, one fused op: h' | c'
        return new State(hc.narrow(-1, 0, hidden), hc.narrow(-1, hidden, hidden));
    }
}
