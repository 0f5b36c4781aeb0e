package io.genai4j.engine.nn;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.ops.F;
import java.util.ArrayList;
import java.util.List;

/**
 * A multi-layer, optionally bidirectional GRU over batch-first sequences, trained by
 * backpropagation through time (the autograd tape unrolls the loop). Parameters carry PyTorch's
 * names ({@code weight_ih_l0}, {@code weight_hh_l1_reverse}, ...), so nn.GRU state dicts load.
 *
 * <p>Padded batches: with a mask [B, T] (1 = real step), a padded step leaves the state unchanged,
 * h_t = h_{t−1} + m_t·(h'_t − h_{t−1}); the backward direction therefore starts at each sequence's
 * own last real step, as with PyTorch's packed sequences. Outputs at padded steps are the carried
 * state, not zeros.
 */
public final class GRU extends Module {
    /** The output sequence [B, T, D·H] and the final states [layers·D, B, H] (PyTorch's h_n layout). */
    public record Output(Tensor output, Tensor hidden) {}

    private final int inputSize, hidden, layers;
    private final boolean bidirectional;
    private final List<Tensor[]> weights = new ArrayList<>();   // per (layer, direction): W_ih, W_hh, b_ih, b_hh

    public GRU(int input, int hidden, int layers, boolean bidirectional, Rng rng) {
        if (input < 1 || hidden < 1 || layers < 1) throw new IllegalArgumentException("GRU sizes must be positive");
        this.inputSize = input;
        this.hidden = hidden;
        this.layers = layers;
        this.bidirectional = bidirectional;
        double k = 1 / Math.sqrt(hidden);
        int dirs = bidirectional ? 2 : 1;
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? input : hidden * dirs;
            for (int d = 0; d < dirs; d++) {
                String sfx = "_l" + l + (d == 1 ? "_reverse" : "");
                weights.add(new Tensor[] {
                        param("weight_ih" + sfx, Init.uniform(Tensor.zeros(3 * hidden, in), -k, k, rng)),
                        param("weight_hh" + sfx, Init.uniform(Tensor.zeros(3 * hidden, hidden), -k, k, rng)),
                        param("bias_ih" + sfx, Init.uniform(Tensor.zeros(3 * hidden), -k, k, rng)),
                        param("bias_hh" + sfx, Init.uniform(Tensor.zeros(3 * hidden), -k, k, rng))});
            }
        }
    }

    /** x [B, T, I]; mask [B, T] with 1 at real steps, or null. Initial states are zeros. */
    public Output forward(Tensor x, Tensor mask) {
        return forward(x, mask, null);
    }

    /** As above from initial states h0 [layers·D, B, H] (null: zeros), e.g. carried over from the previous chunk of a text. */
    public Output forward(Tensor x, Tensor mask, Tensor h0) {
        if (x.dim() != 3 || x.size(2) != inputSize) throw new IllegalArgumentException("GRU wants [B, T, " + inputSize + "], got " + io.genai4j.engine.Shape.str(x.shape()));
        int b = x.size(0), t = x.size(1), dirs = bidirectional ? 2 : 1;
        if (h0 != null && (h0.dim() != 3 || h0.size(0) != layers * dirs || h0.size(1) != b || h0.size(2) != hidden)) {
            throw new IllegalArgumentException("GRU initial state must be [" + layers * dirs + ", " + b + ", " + hidden + "], got " + io.genai4j.engine.Shape.str(h0.shape()));
        }
        Tensor[] masks = new Tensor[t];
        for (int s = 0; s < t; s++) masks[s] = mask == null ? null : mask.narrow(1, s, 1);   // [B, 1]
        List<Tensor> finals = new ArrayList<>();
        Tensor layerIn = x;
        for (int l = 0; l < layers; l++) {
            Tensor[] outs = new Tensor[dirs];
            for (int d = 0; d < dirs; d++) {
                Tensor[] w = weights.get(l * dirs + d);
                Tensor gi = layerIn.matmul(w[0].mT()).add(w[2]);   // [B, T, 3H]: every step's input projection at once
                Tensor[] steps = io.genai4j.engine.ops.Recurrence.unbind(gi, 1);   // the T steps, one shared gradient buffer
                Tensor h = h0 == null ? Tensor.zeros(b, hidden) : h0.select(0, l * dirs + d);
                Tensor[] seq = new Tensor[t];
                for (int k = 0; k < t; k++) {
                    int s = d == 0 ? k : t - 1 - k;
                    Tensor next = GRUCell.step(steps[s], h, w[1], w[3], hidden);
                    h = masks[s] == null ? next : h.add(masks[s].mul(next.sub(h)));
                    seq[s] = h;
                }
                outs[d] = F.stack(1, seq);
                finals.add(h);
            }
            layerIn = dirs == 1 ? outs[0] : F.cat(-1, outs);
        }
        return new Output(layerIn, F.stack(0, finals.toArray(Tensor[]::new)));
    }

    public int hiddenSize() {
        return hidden;
    }

    public boolean bidirectional() {
        return bidirectional;
    }
}
