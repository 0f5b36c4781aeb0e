package io.genai4j.engine.nn;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;

/**
 * A multi-layer, optionally bidirectional GRU over batch-first sequences ({@link GRUCell} at every
 * step), trained by backpropagation through time. Parameter names, padding masks and initial states
 * as described in {@link RecurrentLayer}; unlike {@link LSTM} and {@link RNN} it has no dropout
 * between layers.
 */
public final class GRU extends RecurrentLayer {
    /** The output sequence [B, T, D·H] and the final states [layers·D, B, H] (PyTorch's h_n layout). */
    public record Output(Tensor output, Tensor hidden) {}

    public GRU(int input, int hidden, int layers, boolean bidirectional, Rng rng) {
        super(3, 1, input, hidden, layers, bidirectional, null, rng);
    }

    /** x [B, T, I]; mask [B, T] with 1 at real steps, or null. Initial states are zeros. */
    public Output forward(Tensor x, Tensor mask) {
        return forward(x, mask, null);
    }

    /** As above from initial states h0 [layers·D, B, H] (null: zeros), e.g. carried over from the previous chunk of a text. */
    public Output forward(Tensor x, Tensor mask, Tensor h0) {
        Run r = run(x, mask, h0 == null ? null : new Tensor[] {h0});
        return new Output(r.output(), r.finals()[0]);
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
