package io.genai4j.models.seq2seq;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Dropout;
import io.genai4j.engine.nn.GRUCell;
import io.genai4j.engine.nn.LSTMCell;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.ops.F;

/**
 * The decoder's recurrent layers, stepped one target token at a time: stacked GRU or LSTM cells,
 * the input of layer l + 1 being the (dropped-out) output of layer l.
 */
public final class CellStack extends Module {
    /** Per layer h [B, H] and, for LSTM, c [B, H] (null for GRU). */
    public record State(Tensor[] h, Tensor[] c) {
        public Tensor top() {
            return h[h.length - 1];
        }

        /** The rows given (beam search). */
        public State select(int[] rows) {
            Tensor[] h2 = new Tensor[h.length], c2 = c == null ? null : new Tensor[c.length];
            for (int l = 0; l < h.length; l++) {
                h2[l] = F.indexSelect(h[l], 0, rows);
                if (c != null) c2[l] = F.indexSelect(c[l], 0, rows);
            }
            return new State(h2, c2);
        }
    }

    private final Module[] cells;
    private final boolean lstm;
    private final Dropout dropout;

    public CellStack(String cell, int input, int hidden, int layers, float dropout, Rng rng) {
        this.lstm = cell.equals("lstm");
        this.cells = new Module[layers];
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? input : hidden;
            cells[l] = add(Integer.toString(l), lstm ? new LSTMCell(in, hidden, rng) : new GRUCell(in, hidden, rng));
        }
        this.dropout = add("dropout", new Dropout(dropout, rng));
    }

    /** The initial state: h_0 given per layer, c_0 zeros. */
    public State start(Tensor[] h0) {
        Tensor[] c = null;
        if (lstm) {
            c = new Tensor[h0.length];
            for (int l = 0; l < c.length; l++) c[l] = Tensor.zeros(h0[l].shape());
        }
        return new State(h0, c);
    }

    public State step(Tensor x, State s) {
        Tensor[] h = new Tensor[cells.length], c = lstm ? new Tensor[cells.length] : null;
        Tensor in = x;
        for (int l = 0; l < cells.length; l++) {
            if (l > 0) in = dropout.forward(in);
            if (lstm) {
                LSTMCell.State n = ((LSTMCell) cells[l]).forward(in, new LSTMCell.State(s.h()[l], s.c()[l]));
                h[l] = n.h();
                c[l] = n.c();
            } else {
                h[l] = ((GRUCell) cells[l]).forward(in, s.h()[l]);
            }
            in = h[l];
        }
        return new State(h, c);
    }
}
