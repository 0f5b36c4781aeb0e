package io.genai4j.engine.nn;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Shape;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.ops.F;
import java.util.ArrayList;
import java.util.List;

/**
 * A multi-layer, optionally bidirectional Elman RNN (tanh) over batch-first sequences, trained by
 * backpropagation through time; {@link RNNCell} at every step, PyTorch's parameter names. Padding
 * masks and initial states [layers·D, B, H] work as in {@link LSTM}.
 */
public final class RNN extends Module {
    /** The output sequence [B, T, D·H] and the final states [layers·D, B, H]. */
    public record Output(Tensor output, Tensor hidden) {}

    private final int inputSize, hidden, layers;
    private final boolean bidirectional;
    private final Dropout between;
    private final List<Tensor[]> weights = new ArrayList<>();   // per (layer, direction): W_ih, W_hh, b_ih, b_hh

    public RNN(int input, int hidden, int layers, boolean bidirectional, Rng rng) {
        this(input, hidden, layers, bidirectional, 0f, rng);
    }

    public RNN(int input, int hidden, int layers, boolean bidirectional, float dropout, Rng rng) {
        if (input < 1 || hidden < 1 || layers < 1) throw new IllegalArgumentException("RNN sizes must be positive");
        this.inputSize = input;
        this.hidden = hidden;
        this.layers = layers;
        this.bidirectional = bidirectional;
        this.between = add("dropout", new Dropout(dropout, rng));
        double k = 1 / Math.sqrt(hidden);
        int dirs = bidirectional ? 2 : 1;
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? input : hidden * dirs;
            for (int d = 0; d < dirs; d++) {
                String sfx = "_l" + l + (d == 1 ? "_reverse" : "");
                weights.add(new Tensor[] {
                        param("weight_ih" + sfx, Init.uniform(Tensor.zeros(hidden, in), -k, k, rng)),
                        param("weight_hh" + sfx, Init.uniform(Tensor.zeros(hidden, hidden), -k, k, rng)),
                        param("bias_ih" + sfx, Init.uniform(Tensor.zeros(hidden), -k, k, rng)),
                        param("bias_hh" + sfx, Init.uniform(Tensor.zeros(hidden), -k, k, rng))});
            }
        }
    }

    public Output forward(Tensor x, Tensor mask) {
        return forward(x, mask, null);
    }

    /** x [B, T, I]; mask [B, T] (1 = real step) or null; h0 [layers·D, B, H] or null for zeros. */
    public Output forward(Tensor x, Tensor mask, Tensor h0) {
        if (x.dim() != 3 || x.size(2) != inputSize) throw new IllegalArgumentException("RNN wants [B, T, " + inputSize + "], got " + Shape.str(x.shape()));
        int b = x.size(0), t = x.size(1), dirs = bidirectional ? 2 : 1;
        if (h0 != null && (h0.dim() != 3 || h0.size(0) != layers * dirs || h0.size(1) != b || h0.size(2) != hidden)) {
            throw new IllegalArgumentException("RNN initial state must be [" + layers * dirs + ", " + b + ", " + hidden + "], got " + Shape.str(h0.shape()));
        }
        List<Tensor> finals = new ArrayList<>();
        Tensor layerIn = x;
        for (int l = 0; l < layers; l++) {
            if (l > 0) layerIn = between.forward(layerIn);
            Tensor[] outs = new Tensor[dirs];
            for (int d = 0; d < dirs; d++) {
                int idx = l * dirs + d;
                Tensor[] w = weights.get(idx);
                Tensor gi = layerIn.matmul(w[0].mT()).add(w[2]).add(w[3]);   // [B, T, H]
                Tensor[] steps = io.genai4j.engine.ops.Recurrence.unbind(gi, 1);   // the T steps, one shared gradient buffer
                Tensor h = h0 == null ? Tensor.zeros(b, hidden) : h0.select(0, idx);
                Tensor[] seq = new Tensor[t];
                for (int k = 0; k < t; k++) {
                    int s = d == 0 ? k : t - 1 - k;
                    Tensor next = RNNCell.step(steps[s], h, w[1]);
                    h = mask == null ? next : h.add(mask.narrow(1, s, 1).mul(next.sub(h)));
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
