package io.genai4j.engine.nn;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;

/**
 * A multi-layer, optionally bidirectional Elman RNN (tanh) over batch-first sequences, trained by
 * backpropagation through time; {@link RNNCell} at every step, PyTorch's parameter names. Padding
 * masks and initial states [layers·D, B, H] work as described in {@link RecurrentLayer}.
 */
public final class RNN extends RecurrentLayer {
    /** The output sequence [B, T, D·H] and the final states [layers·D, B, H]. */
    public record Output(Tensor output, Tensor hidden) {}

    public RNN(int input, int hidden, int layers, boolean bidirectional, Rng rng) {
        this(input, hidden, layers, bidirectional, 0f, rng);
    }

    public RNN(int input, int hidden, int layers, boolean bidirectional, float dropout, Rng rng) {
        super(1, 1, input, hidden, layers, bidirectional, dropout, rng);
    }

    public Output forward(Tensor x, Tensor mask) {
        return forward(x, mask, null);
    }

    /** x [B, T, I]; mask [B, T] (1 = real step) or null; h0 [layers·D, B, H] or null for zeros. */
    public Output forward(Tensor x, Tensor mask, Tensor h0) {
        Run r = run(x, mask, h0 == null ? null : new Tensor[] {h0});
        return new Output(r.output(), r.finals()[0]);
    }

    @Override
    void step(Tensor gi, Tensor[] state, Tensor[] w, Tensor[] next) {
        next[0] = RNNCell.step(gi, state[0], w[1]);
    }
}
