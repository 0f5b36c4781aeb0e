package io.genai4j.engine.nn;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;

/**
 * What the three recurrent cells share: PyTorch's parameter layout. weight_ih [G·H, I] and
 * weight_hh [G·H, H] stack the rows of G gates (1 for {@link RNNCell}, 3 for {@link GRUCell}, 4 for
 * {@link LSTMCell}), each with its biases [G·H]; every parameter ~ U(±1/√H), as in PyTorch. The
 * sequence layers ({@link RecurrentLayer}) hold one such set per (layer, direction), so they create
 * theirs here too and a state dict has one layout for cells and layers alike.
 */
public abstract sealed class RecurrentCell extends Module permits RNNCell, GRUCell, LSTMCell {
    public final Tensor weightIh, weightHh, biasIh, biasHh;
    private final int hidden;

    RecurrentCell(int gates, int input, int hidden, Rng rng) {
        this.hidden = hidden;
        Tensor[] w = gateWeights(this, "", gates, input, hidden, rng);
        weightIh = w[0];
        weightHh = w[1];
        biasIh = w[2];
        biasHh = w[3];
    }

    /**
     * Registers on owner weight_ih, weight_hh, bias_ih and bias_hh (each name + suffix) for the
     * given number of gates and returns them in that order. The order is also the order in which
     * they draw from rng, so a seed gives the same weights as it always has.
     */
    static Tensor[] gateWeights(Module owner, String suffix, int gates, int input, int hidden, Rng rng) {
        double k = 1 / Math.sqrt(hidden);
        int rows = gates * hidden;
        return new Tensor[] {
                owner.param("weight_ih" + suffix, Init.uniform(Tensor.zeros(rows, input), -k, k, rng)),
                owner.param("weight_hh" + suffix, Init.uniform(Tensor.zeros(rows, hidden), -k, k, rng)),
                owner.param("bias_ih" + suffix, Init.uniform(Tensor.zeros(rows), -k, k, rng)),
                owner.param("bias_hh" + suffix, Init.uniform(Tensor.zeros(rows), -k, k, rng))};
    }

    public int hiddenSize() {
        return hidden;
    }
}
