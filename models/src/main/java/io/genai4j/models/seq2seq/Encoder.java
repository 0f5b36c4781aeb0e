package io.genai4j.models.seq2seq;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.GRU;
import io.genai4j.engine.nn.LSTM;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.ops.F;

/**
 * The bidirectional recurrent encoder: each source token's annotation h_j = [→h_j; ←h_j] sums up
 * the sentence around it, read left to right and right to left (Bahdanau et al. §3.2). The
 * decoder's first state is a learned summary of both final states, s_0 = tanh(W_s·[→h_S; ←h_1]),
 * per layer.
 */
public final class Encoder extends Module {
    /** Annotations [B, S, 2H] and the decoder's initial state per layer, each [B, H]. */
    public record Encoded(Tensor annotations, Tensor[] decoderStart) {}

    private final GRU gru;
    private final LSTM lstm;
    private final Linear[] bridge;
    private final int layers;

    public Encoder(Seq2SeqConfig c, Rng rng) {
        this.layers = c.layers();
        if (c.cell().equals("lstm")) {
            lstm = add("rnn", new LSTM(c.embed(), c.hidden(), c.layers(), true, c.dropout(), rng));
            gru = null;
        } else {
            gru = add("rnn", new GRU(c.embed(), c.hidden(), c.layers(), true, rng));
            lstm = null;
        }
        bridge = new Linear[layers];
        for (int l = 0; l < layers; l++) bridge[l] = add("bridge_" + l, new Linear(2 * c.hidden(), c.hidden(), true, rng));
    }

    /** embedded [B, S, E]; mask [B, S] with 1 at real tokens. */
    public Encoded forward(Tensor embedded, Tensor mask) {
        Tensor out, finals;
        if (lstm != null) {
            LSTM.Output o = lstm.forward(embedded, mask);
            out = o.output();
            finals = o.h();
        } else {
            GRU.Output o = gru.forward(embedded, mask);
            out = o.output();
            finals = o.hidden();
        }
        Tensor[] s0 = new Tensor[layers];
        for (int l = 0; l < layers; l++) {
            // s_0 = tanh(W_s·[→h; ←h]) from layer l's forward (index 2l) and backward (2l + 1) final states
            s0[l] = bridge[l].forward(F.cat(-1, finals.select(0, 2 * l), finals.select(0, 2 * l + 1))).tanh();
        }
        return new Encoded(out, s0);
    }
}
