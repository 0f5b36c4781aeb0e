package io.genai4j.engine.nn;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;

/**
 * A multi-layer, optionally bidirectional Elman RNN (tanh) over batch-first sequences, trained by
 * backpropagation through time; {@link RNNCell} at every step, PyTorch's parameter names. Padding
 * masks and initial states [layers·D, B, H] work as described in {@link RecurrentLayer}.
 */
public final class RNN extends HiddenStateLayer {
    public RNN(int input, int hidden, int layers, boolean bidirectional, Rng rng) {
        this(input, hidden, layers, bidirectional, 0f, rng);
    }

    public RNN(int input, int hidden, int layers, boolean bidirectional, float dropout, Rng rng) {
        super(1, input, hidden, layers, bidirectional, dropout, rng);
    }

    @Override
    void step(Tensor gi, Tensor[] state, Tensor[] w, Tensor[] next) {
        next[0] = RNNCell.step(gi, state[0], w[1]);
    }
}
