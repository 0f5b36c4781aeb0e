package io.genai4j.engine.nn;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Shape;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.ops.F;
import java.util.ArrayList;
import java.util.List;

/**
 * A multi-layer, optionally bidirectional LSTM over batch-first sequences ({@link LSTMCell} at every
 * step), trained by backpropagation through time: the autograd tape unrolls the loop, so the
 * gradient of a loss at step t flows back through c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t to every earlier
 * step. Parameters carry PyTorch's names ({@code weight_ih_l0}, {@code weight_hh_l1_reverse}, ...).
 *
 * <p>Every step's input projection W_ih·x_t + b_ih + b_hh is one GEMM over [B·T, I] before the loop;
 * inside it only h·W_hhᵀ remains. Padded batches work as in {@link GRU}: with a mask [B, T]
 * (1 = real step) a padded step carries both states unchanged, so the backward direction starts at
 * each sequence's own last real step. An initial state (h_0, c_0), each [layers·D, B, H], lets a
 * language model carry its memory from one chunk of text to the next (truncated BPTT).
 */
public final class LSTM extends Module {
    /** The output sequence [B, T, D·H] and the final states h_n, c_n [layers·D, B, H] (PyTorch's layout). */
    public record Output(Tensor output, Tensor h, Tensor c) {
        /** The final states, detached from the graph: the next chunk's initial state. */
        public LSTMCell.State detached() {
            return new LSTMCell.State(h.detach(), c.detach());
        }
    }

    private final int inputSize, hidden, layers;
    private final boolean bidirectional;
    private final Dropout between;
    private final List<Tensor[]> weights = new ArrayList<>();   // per (layer, direction): W_ih, W_hh, b_ih, b_hh

    public LSTM(int input, int hidden, int layers, boolean bidirectional, Rng rng) {
        this(input, hidden, layers, bidirectional, 0f, rng);
    }

    /** dropout: applied to the outputs of every layer but the last while training (PyTorch's {@code dropout}). */
    public LSTM(int input, int hidden, int layers, boolean bidirectional, float dropout, Rng rng) {
        if (input < 1 || hidden < 1 || layers < 1) throw new IllegalArgumentException("LSTM sizes must be positive");
        this.inputSize = input;
        this.hidden = hidden;
        this.layers = layers;
        this.bidirectional = bidirectional;
        this.between = add("dropout", new Dropout(dropout, rng));
        double k = 1 / Math.sqrt(hidden);
        int dirs = dirs();
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? input : hidden * dirs;
            for (int d = 0; d < dirs; d++) {
                String sfx = "_l" + l + (d == 1 ? "_reverse" : "");
                weights.add(new Tensor[] {
                        param("weight_ih" + sfx, Init.uniform(Tensor.zeros(4 * hidden, in), -k, k, rng)),
                        param("weight_hh" + sfx, Init.uniform(Tensor.zeros(4 * hidden, hidden), -k, k, rng)),
                        param("bias_ih" + sfx, Init.uniform(Tensor.zeros(4 * hidden), -k, k, rng)),
                        param("bias_hh" + sfx, Init.uniform(Tensor.zeros(4 * hidden), -k, k, rng))});
            }
        }
    }

    /** x [B, T, I]; mask [B, T] with 1 at real steps, or null. Initial states are zeros. */
    public Output forward(Tensor x, Tensor mask) {
        return forward(x, mask, null);
    }

    /** As above from initial states h_0, c_0 [layers·D, B, H] (null: zeros). */
    public Output forward(Tensor x, Tensor mask, LSTMCell.State init) {
        if (x.dim() != 3 || x.size(2) != inputSize) throw new IllegalArgumentException("LSTM wants [B, T, " + inputSize + "], got " + Shape.str(x.shape()));
        int b = x.size(0), t = x.size(1), dirs = dirs();
        if (init != null && (init.h().dim() != 3 || init.h().size(0) != layers * dirs || init.h().size(1) != b || init.h().size(2) != hidden)) {
            throw new IllegalArgumentException("LSTM initial state must be [" + layers * dirs + ", " + b + ", " + hidden + "], got " + Shape.str(init.h().shape()));
        }
        Tensor[] masks = new Tensor[t];
        for (int s = 0; s < t; s++) masks[s] = mask == null ? null : mask.narrow(1, s, 1);   // [B, 1]
        List<Tensor> hs = new ArrayList<>(), cs = new ArrayList<>();
        Tensor layerIn = x;
        for (int l = 0; l < layers; l++) {
            if (l > 0) layerIn = between.forward(layerIn);
            Tensor[] outs = new Tensor[dirs];
            for (int d = 0; d < dirs; d++) {
                int idx = l * dirs + d;
                Tensor[] w = weights.get(idx);
                Tensor gi = layerIn.matmul(w[0].mT()).add(w[2]).add(w[3]);   // [B, T, 4H]: every step's input projection at once
                Tensor[] steps = io.genai4j.engine.ops.Recurrence.unbind(gi, 1);   // the T steps, one shared gradient buffer
                LSTMCell.State st = init == null ? new LSTMCell.State(Tensor.zeros(b, hidden), Tensor.zeros(b, hidden))
                        : new LSTMCell.State(init.h().select(0, idx), init.c().select(0, idx));
                Tensor[] seq = new Tensor[t];
                for (int k = 0; k < t; k++) {
                    int s = d == 0 ? k : t - 1 - k;
                    LSTMCell.State next = LSTMCell.step(steps[s], st, w[1], hidden);
                    st = masks[s] == null ? next : new LSTMCell.State(
                            st.h().add(masks[s].mul(next.h().sub(st.h()))), st.c().add(masks[s].mul(next.c().sub(st.c()))));
                    seq[s] = st.h();
                }
                outs[d] = F.stack(1, seq);
                hs.add(st.h());
                cs.add(st.c());
            }
            layerIn = dirs == 1 ? outs[0] : F.cat(-1, outs);
        }
        return new Output(layerIn, F.stack(0, hs.toArray(Tensor[]::new)), F.stack(0, cs.toArray(Tensor[]::new)));
    }

    private int dirs() {
        return bidirectional ? 2 : 1;
    }

    public int hiddenSize() {
        return hidden;
    }

    public int numLayers() {
        return layers;
    }

    public boolean bidirectional() {
        return bidirectional;
    }
}
