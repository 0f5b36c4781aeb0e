package io.genai4j.engine.nn;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.ops.Recurrence;

/**
 * One step of a long short-term memory cell (Hochreiter &amp; Schmidhuber 1997, with the forget gate
 * of Gers et al. 2000), in PyTorch's gate order and parameter layout (weight_ih [4H, I] and
 * weight_hh [4H, H] stacking the i, f, g, o rows):
 * <pre>
 *   i = σ(W_ii·x + b_ii + W_hi·h + b_hi)          input gate
 *   f = σ(W_if·x + b_if + W_hf·h + b_hf)          forget gate
 *   g = tanh(W_ig·x + b_ig + W_hg·h + b_hg)       candidate cell
 *   o = σ(W_io·x + b_io + W_ho·h + b_ho)          output gate
 *   c' = f ⊙ c + i ⊙ g
 *   h' = o ⊙ tanh(c')
 * </pre>
 * The four gates come out of one [B, I]·[I, 4H] and one [B, H]·[H, 4H] product (fused gates).
 * Initialised like PyTorch: every parameter ~ U(±1/√H).
 */
public final class LSTMCell extends Module {
    /** The two recurrent states, each [B, H]. */
    public record State(Tensor h, Tensor c) {}

    public final Tensor weightIh, weightHh, biasIh, biasHh;
    private final int hidden;

    public LSTMCell(int input, int hidden, Rng rng) {
        this.hidden = hidden;
        double k = 1 / Math.sqrt(hidden);
        weightIh = param("weight_ih", Init.uniform(Tensor.zeros(4 * hidden, input), -k, k, rng));
        weightHh = param("weight_hh", Init.uniform(Tensor.zeros(4 * hidden, hidden), -k, k, rng));
        biasIh = param("bias_ih", Init.uniform(Tensor.zeros(4 * hidden), -k, k, rng));
        biasHh = param("bias_hh", Init.uniform(Tensor.zeros(4 * hidden), -k, k, rng));
    }

    /** x [B, I] and the state (h, c) → the next state. */
    public State forward(Tensor x, State s) {
        return step(x.matmul(weightIh.mT()).add(biasIh).add(biasHh), s, weightHh, hidden);
    }

    /** Zero states for a batch of b. */
    public State zeros(int b) {
        return new State(Tensor.zeros(b, hidden), Tensor.zeros(b, hidden));
    }

    /**
     * The recurrence given the input projection gi = W_ih·x + b_ih + b_hh [B, 4H] (for a sequence
     * {@link LSTM} computes it for all steps at once, so only h·W_hhᵀ is left inside the loop).
     */
    static State step(Tensor gi, State s, Tensor weightHh, int hidden) {
        Tensor gates = gi.add(s.h().matmul(weightHh.mT()));     // [B, 4H]: pre-activations of i | f | g | o
        Tensor hc = Recurrence.lstm(gates, s.c());               // the pointwise equations above, one fused op: h' | c'
        return new State(hc.narrow(-1, 0, hidden), hc.narrow(-1, hidden, hidden));
    }

    public int hiddenSize() {
        return hidden;
    }
}
