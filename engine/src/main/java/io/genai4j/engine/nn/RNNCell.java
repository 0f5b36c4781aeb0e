package io.genai4j.engine.nn;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;

/**
 * One step of the plain (Elman) recurrent network, PyTorch's nn.RNNCell with tanh:
 * <pre>
 *   h' = tanh(W_ih·x + b_ih + W_hh·h + b_hh)
 * </pre>
 * The whole memory is one vector squashed through tanh at every step: gradients through time are
 * products of W_hh·diag(1 − h²) and vanish or explode, which is why gated cells (GRU, LSTM) exist.
 * Parameters as in {@link RecurrentCell}, with one gate.
 */
public final class RNNCell extends RecurrentCell {

    public RNNCell(int input, int hidden, Rng rng) {
        super(1, input, hidden, rng);
    }

    /** x [B, I], h [B, H] → h' [B, H]. */
    public Tensor forward(Tensor x, Tensor h) {
        return step(x.matmul(weightIh.mT()).add(biasIh).add(biasHh), h, weightHh);
    }

    /** The recurrence given the input projection gi = W_ih·x + b_ih + b_hh [B, H]. */
    static Tensor step(Tensor gi, Tensor h, Tensor weightHh) {
        return gi.add(h.matmul(weightHh.mT())).tanh();
    }
}
