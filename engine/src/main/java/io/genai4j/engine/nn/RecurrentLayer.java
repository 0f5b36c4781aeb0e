package io.genai4j.engine.nn;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Shape;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.ops.F;
import io.genai4j.engine.ops.Recurrence;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link RNN}, {@link GRU} and {@link LSTM} share: a multi-layer, optionally bidirectional
 * recurrence over batch-first sequences, trained by backpropagation through time (the autograd tape
 * unrolls the loop). A subclass says only how many gates its cell has, how many states it carries
 * (h, or h and c) and what one step computes; the parameter layout and the loops over layers,
 * directions and time are here, once.
 *
 * <p>Parameters carry PyTorch's names ({@code weight_ih_l0}, {@code weight_hh_l1_reverse}, ...; the
 * layout of {@link RecurrentCell} per (layer, direction)), so nn.RNN/GRU/LSTM state dicts load.
 * Every step's input projection W_ih·x_t + b is one GEMM over [B·T, I] before the time loop; inside
 * it only the h·W_hhᵀ product remains.
 *
 * <p>Padded batches: with a mask [B, T] (1 = real step), a padded step leaves every state unchanged,
 * s_t = s_{t−1} + m_t·(s'_t − s_{t−1}); the backward direction therefore starts at each sequence's
 * own last real step, as with PyTorch's packed sequences. Outputs at padded steps are the carried
 * state, not zeros. Initial states, each [layers·D, B, H], let a language model carry its memory
 * from one chunk of text to the next (truncated BPTT).
 */
public abstract sealed class RecurrentLayer extends Module permits HiddenStateLayer, LSTM {
    /** The top layer's outputs [B, T, D·H] and per state (h, or h then c) its final values, [layers·D, B, H]. */
    record Run(Tensor output, Tensor[] finals) {}

    private final int inputSize, hidden, layers, states;
    private final boolean bidirectional;
    private final Dropout between;   // null when the layer has no dropout option (GRU): it registers no child then
    private final List<Tensor[]> weights = new ArrayList<>();   // per (layer, direction): W_ih, W_hh, b_ih, b_hh

    /**
     * gates: rows of weight_ih per hidden unit (1, 3 or 4); states: tensors carried through time
     * (1: h; 2: h, c); dropout: on the outputs of every layer but the last while training
     * (PyTorch's {@code dropout}), or null for a layer that has no such option.
     */
    RecurrentLayer(int gates, int states, int input, int hidden, int layers, boolean bidirectional, Float dropout, Rng rng) {
        if (input < 1 || hidden < 1 || layers < 1) throw new IllegalArgumentException(name() + " sizes must be positive");
        this.inputSize = input;
        this.hidden = hidden;
        this.layers = layers;
        this.states = states;
        this.bidirectional = bidirectional;
        this.between = dropout == null ? null : add("dropout", new Dropout(dropout, rng));
        int dirs = dirs();
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? input : hidden * dirs;
            for (int d = 0; d < dirs; d++) {
                weights.add(RecurrentCell.gateWeights(this, "_l" + l + (d == 1 ? "_reverse" : ""), gates, in, hidden, rng));
            }
        }
    }

    /**
     * Every step's input projection at once, x [B, T, in] → [B, T, gates·H]. Both biases are folded
     * in here, where they cost one add for the whole sequence; GRU overrides this because its b_hn
     * sits inside r ⊙ (W_hn·h + b_hn) and must stay in the step.
     */
    Tensor project(Tensor x, Tensor[] w) {
        return x.matmul(w[0].mT()).add(w[2]).add(w[3]);
    }

    /**
     * One time step: from this step's input projection gi [B, gates·H], the current states and the
     * (layer, direction)'s weights w, writes the next states into next (same order as state). Writing
     * into an array the loop owns keeps the step free of allocations beyond its tensors.
     */
    abstract void step(Tensor gi, Tensor[] state, Tensor[] w, Tensor[] next);

    /** x [B, T, I]; mask [B, T] (1 = real step) or null; init: the initial states (h, or h then c), each [layers·D, B, H], or null for zeros. */
    final Run run(Tensor x, Tensor mask, Tensor[] init) {
        if (x.dim() != 3 || x.size(2) != inputSize) throw new IllegalArgumentException(name() + " wants [B, T, " + inputSize + "], got " + Shape.str(x.shape()));
        int b = x.size(0), t = x.size(1), dirs = dirs();
        Tensor h0 = init == null ? null : init[0];
        if (h0 != null && (h0.dim() != 3 || h0.size(0) != layers * dirs || h0.size(1) != b || h0.size(2) != hidden)) {
            throw new IllegalArgumentException(name() + " initial state must be [" + layers * dirs + ", " + b + ", " + hidden + "], got " + Shape.str(h0.shape()));
        }
        Tensor[] masks = new Tensor[t];
        for (int s = 0; s < t; s++) masks[s] = mask == null ? null : mask.narrow(1, s, 1);   // [B, 1]
        Tensor[][] finals = new Tensor[states][layers * dirs];
        Tensor layerIn = x;
        for (int l = 0; l < layers; l++) {
            if (l > 0 && between != null) layerIn = between.forward(layerIn);
            Tensor[] outs = new Tensor[dirs];
            for (int d = 0; d < dirs; d++) {
                int idx = l * dirs + d;
                Tensor[] w = weights.get(idx);
                Tensor[] steps = Recurrence.unbind(project(layerIn, w), 1);   // the T steps, one shared gradient buffer
                Tensor[] st = new Tensor[states], next = new Tensor[states];
                for (int i = 0; i < states; i++) st[i] = init == null ? Tensor.zeros(b, hidden) : init[i].select(0, idx);
                Tensor[] seq = new Tensor[t];
                for (int k = 0; k < t; k++) {
                    int s = d == 0 ? k : t - 1 - k;   // the backward direction walks time in reverse
                    step(steps[s], st, w, next);
                    for (int i = 0; i < states; i++) st[i] = masks[s] == null ? next[i] : st[i].add(masks[s].mul(next[i].sub(st[i])));
                    seq[s] = st[0];
                }
                outs[d] = F.stack(1, seq);
                for (int i = 0; i < states; i++) finals[i][idx] = st[i];
            }
            layerIn = dirs == 1 ? outs[0] : F.cat(-1, outs);
        }
        Tensor[] stacked = new Tensor[states];
        for (int i = 0; i < states; i++) stacked[i] = F.stack(0, finals[i]);
        return new Run(layerIn, stacked);
    }

    /** "RNN", "GRU" or "LSTM", for error messages. */
    private String name() {
        return getClass().getSimpleName();
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
