package io.genai4j.models.rnn;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Dropout;
import io.genai4j.engine.nn.Embedding;
import io.genai4j.engine.nn.GRU;
import io.genai4j.engine.nn.LSTM;
import io.genai4j.engine.nn.LSTMCell;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.nn.RNN;
import io.genai4j.engine.ops.F;

/**
 * A recurrent language model over characters (char-rnn): each character is embedded, a stack of
 * RNN/GRU/LSTM layers carries a memory h_t of everything read so far, and a linear layer turns
 * h_t into the distribution of the next character:
 * <pre>
 *   h_t = RNN(E[x_t], h_{t−1}),   p(x_{t+1} | x_≤t) = softmax(W·h_t + b)
 * </pre>
 * Unlike an n-gram, the context has no fixed length: the state is carried from one chunk of text
 * to the next (truncated backpropagation through time: gradients stop at chunk boundaries, memory
 * does not).
 */
public final class CharRnn extends Module {
    /** The recurrent state between chunks: h [layers, B, H] and, for LSTM, c. */
    public record State(Tensor h, Tensor c) {}

    /** Logits [B, T, V] and the state after the last character. */
    public record Output(Tensor logits, State state) {}

    public final CharRnnConfig config;
    private final Embedding embedding;
    private final Module rnn;
    private final Dropout dropout;
    private final Linear head;

    public CharRnn(CharRnnConfig c, Rng rng) {
        this.config = c;
        embedding = add("embedding", new Embedding(c.vocab(), c.embed(), rng));
        rnn = add("rnn", switch (c.cell()) {
            case "lstm" -> new LSTM(c.embed(), c.hidden(), c.layers(), false, c.dropout(), rng);
            case "gru" -> new GRU(c.embed(), c.hidden(), c.layers(), false, rng);
            default -> new RNN(c.embed(), c.hidden(), c.layers(), false, c.dropout(), rng);
        });
        dropout = add("dropout", new Dropout(c.dropout(), rng));
        head = add("head", new Linear(c.hidden(), c.vocab(), true, rng));
    }

    /** ids [B·T] row-major; state null = zeros. */
    public Output forward(int[] ids, int b, int t, State state) {
        Tensor x = dropout.forward(embedding.forward(ids, b, t));
        Tensor out;
        State next;
        switch (rnn) {
            case LSTM l -> {
                LSTM.Output o = l.forward(x, null, state == null ? null : new LSTMCell.State(state.h(), state.c()));
                out = o.output();
                next = new State(o.h(), o.c());
            }
            case GRU g -> {
                GRU.Output o = g.forward(x, null, state == null ? null : state.h());
                out = o.output();
                next = new State(o.hidden(), null);
            }
            case RNN r -> {
                RNN.Output o = r.forward(x, null, state == null ? null : state.h());
                out = o.output();
                next = new State(o.hidden(), null);
            }
            default -> throw new IllegalStateException();
        }
        return new Output(head.forward(dropout.forward(out)), next);
    }

    /** Mean cross-entropy of the next character at every position. */
    public static Tensor loss(Output o, int[] targets) {
        int v = o.logits().size(-1);
        return F.crossEntropy(o.logits().reshape(targets.length, v), targets);
    }

    /** The state cut from the graph (the next chunk's start). */
    public static State detach(State s) {
        return new State(s.h().detach(), s.c() == null ? null : s.c().detach());
    }
}
