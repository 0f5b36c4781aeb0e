package io.genai4j.engine.nn;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;

/**
 * A multi-layer, optionally bidirectional LSTM over batch-first sequences ({@link LSTMCell} at every
 * step), trained by backpropagation through time: the gradient of a loss at step t flows back
 * through c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t to every earlier step. Parameter names, padding masks
 * (a padded step carries both h and c unchanged) and initial states (h_0, c_0) as described in
 * {@link RecurrentLayer}.
 */
public final class LSTM extends RecurrentLayer {
    /** The output sequence [B, T, D·H] and the final states h_n, c_n [layers·D, B, H] (PyTorch's layout). */
    public record Output(Tensor output, Tensor h, Tensor c) {
        /** The final states, detached from the graph: the next chunk's initial state. */
        public LSTMCell.State detached() {
            return new LSTMCell.State(h.detach(), c.detach());
        }
    }

    public LSTM(int input, int hidden, int layers, boolean bidirectional, Rng rng) {
        this(input, hidden, layers, bidirectional, 0f, rng);
    }

    /** dropout: applied to the outputs of every layer but the last while training (PyTorch's {@code dropout}). */
    public LSTM(int input, int hidden, int layers, boolean bidirectional, float dropout, Rng rng) {
        super(4, 2, input, hidden, layers, bidirectional, dropout, rng);
    }

    /** x [B, T, I]; mask [B, T] with 1 at real steps, or null. Initial states are zeros. */
    public Output forward(Tensor x, Tensor mask) {
        return forward(x, mask, null);
    }

    /** As above from initial states h_0, c_0 [layers·D, B, H] (null: zeros). */
    public Output forward(Tensor x, Tensor mask, LSTMCell.State init) {
        Run r = run(x, mask, init == null ? null : new Tensor[] {init.h(), init.c()});
        return new Output(r.output(), r.finals()[0], r.finals()[1]);
    }

    @Override
    void step(Tensor gi, Tensor[] state, Tensor[] w, Tensor[] next) {
        LSTMCell.State n = LSTMCell.step(gi, state[0], state[1], w[1], hiddenSize());
        next[0] = n.h();
        next[1] = n.c();
    }
}
