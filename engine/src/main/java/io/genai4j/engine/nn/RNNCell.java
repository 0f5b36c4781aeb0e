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
 * Initialised like PyTorch: every parameter ~ U(±1/√H).
 */
public final class RNNCell extends Module {
    public final Tensor weightIh, weightHh, biasIh, biasHh;
    private final int hidden;

    public RNNCell(int input, int hidden, Rng rng) {
        this.hidden = hidden;
        double k = 1 / Math.sqrt(hidden);
        weightIh = param("weight_ih", Init.uniform(Tensor.zeros(hidden, input), -k, k, rng));
        weightHh = param("weight_hh", Init.uniform(Tensor.zeros(hidden, hidden), -k, k, rng));
        biasIh = param("bias_ih", Init.uniform(Tensor.zeros(hidden), -k, k, rng));
        biasHh = param("bias_hh", Init.uniform(Tensor.zeros(hidden), -k, k, rng));
    }

    /** x [B, I], h [B, H] → h' [B, H]. */
    public Tensor forward(Tensor x, Tensor h) {
        return step(x.matmul(weightIh.mT()).add(biasIh).add(biasHh), h, weightHh);
    }

    /** The recurrence given the input projection gi = W_ih·x + b_ih + b_hh [B, H]. */
    static Tensor step(Tensor gi, Tensor h, Tensor weightHh) {
        return gi.add(h.matmul(weightHh.mT())).tanh();
    }

    public int hiddenSize() {
        return hidden;
    }
}
