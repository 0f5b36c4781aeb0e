package io.genai4j.engine.nn;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;

/**
 * A {@link RecurrentLayer} whose cell carries one state, h ({@link RNN}, {@link GRU}): what it
 * returns and how it is called, once for both. {@link LSTM} carries h and c and has its own.
 */
public abstract sealed class HiddenStateLayer extends RecurrentLayer permits RNN, GRU {
    /** The output sequence [B, T, D·H] and the final states [layers·D, B, H] (PyTorch's h_n layout). */
    public record Output(Tensor output, Tensor hidden) {}

    HiddenStateLayer(int gates, int input, int hidden, int layers, boolean bidirectional, Float dropout, Rng rng) {
        super(gates, 1, input, hidden, layers, bidirectional, dropout, rng);
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
}
