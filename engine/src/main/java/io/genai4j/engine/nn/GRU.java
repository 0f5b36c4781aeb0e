package io.genai4j.engine.nn;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;

/**
 * A multi-layer, optionally bidirectional GRU over batch-first sequences ({@link GRUCell} at every
 * step), trained by backpropagation through time. Parameter names, padding masks and initial states
 * as described in {@link RecurrentLayer}; unlike {@link LSTM} and {@link RNN} it has no dropout
 * between layers.
 */
public final class GRU extends HiddenStateLayer {
    public GRU(int input, int hidden, int layers, boolean bidirectional, Rng rng) {
        super(3, input, hidden, layers, bidirectional, null, rng);
    }

    /** Only b_ih here: b_hh belongs to the hidden projection, inside the reset gate's product (see {@link GRUCell}). */
    @Override
    Tensor project(Tensor x, Tensor[] w) {
        return x.matmul(w[0].mT()).add(w[2]);
    }

    @Override
    void step(Tensor gi, Tensor[] state, Tensor[] w, Tensor[] next) {
        next[0] = GRUCell.step(gi, state[0], w[1], w[3], hiddenSize());
    }
}
