package io.genai4j.models.bert.classify;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Dropout;
import io.genai4j.engine.nn.GRU;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.ops.F;
import java.util.Arrays;
import java.util.Map;

/**
 * A bidirectional GRU reading the frozen encoder's token states, the classic "BERT embeddings +
 * RNN" head: the final forward and backward states, concatenated, feed a linear layer.
 * <pre>
 *   (h_fwd, h_bwd) = BiGRU(h_1 … h_T)     (padding masked: each direction stops at the sentence's end)
 *   logits = W·dropout([h_fwd; h_bwd]) + b
 * </pre>
 */
public final class GruHead extends Head {
    final GRU gru;
    final Dropout dropout;
    final Linear out;
    private final int inputSize;

    public GruHead(int hidden, int width, int classes, float dropoutP, Rng rng) {
        inputSize = hidden;
        gru = add("gru", new GRU(hidden, width, 1, true, rng));
        dropout = add("dropout", new Dropout(dropoutP, rng));
        out = add("out", new Linear(2 * width, classes, true, rng));
    }

    @Override
    public String kind() {
        return "gru";
    }

    @Override
    public boolean needsTokens() {
        return true;
    }

    @Override
    public Tensor logits(Features f, int[] rows) {
        int h = f.hidden(), t = 0;
        for (int r : rows) t = Math.max(t, f.length(r));
        float[] x = new float[rows.length * t * h], m = new float[rows.length * t];
        for (int i = 0; i < rows.length; i++) {
            int len = f.length(rows[i]);
            System.arraycopy(f.tokens(), f.offsets()[rows[i]] * h, x, i * t * h, len * h);
            Arrays.fill(m, i * t, i * t + len, 1f);
        }
        Tensor hn = gru.forward(Tensor.of(x, rows.length, t, h), Tensor.of(m, rows.length, t)).hidden();   // [2, B, W]
        Tensor both = F.cat(-1, hn.select(0, 0), hn.select(0, 1));
        return out.forward(dropout.forward(both));
    }

    @Override
    public Map<String, String> shape() {
        return Map.of("hidden", Integer.toString(inputSize), "width", Integer.toString(gru.hiddenSize()), "classes", Integer.toString(out.outFeatures()));
    }
}
