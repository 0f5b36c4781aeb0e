package io.genai4j.engine.nn;

import io.genai4j.engine.Tensor;

/**
 * The fixed sinusoidal positional encoding of "Attention Is All You Need" (§3.5):
 * <pre>
 *   PE(pos, 2i)   = sin(pos / 10000^(2i/d_model))
 *   PE(pos, 2i+1) = cos(pos / 10000^(2i/d_model))
 * </pre>
 * Stored as a buffer (saved, never trained). Learned positions are just an {@link Embedding}.
 */
public final class PositionalEncoding extends Module {
    public final Tensor table;   // [maxLen, d_model]

    public PositionalEncoding(int maxLen, int dModel) {
        this.table = buffer("pe", table(maxLen, dModel));
    }

    /** The [maxLen, d_model] table. */
    public static Tensor table(int maxLen, int dModel) {
        float[] pe = new float[maxLen * dModel];
        for (int pos = 0; pos < maxLen; pos++) {
            for (int i = 0; 2 * i < dModel; i++) {
                double angle = pos / Math.pow(10000, 2.0 * i / dModel);
                pe[pos * dModel + 2 * i] = (float) Math.sin(angle);
                if (2 * i + 1 < dModel) pe[pos * dModel + 2 * i + 1] = (float) Math.cos(angle);
            }
        }
        return Tensor.of(pe, maxLen, dModel);
    }

    /** x [B, T, d_model] + PE[0..T) (broadcast over the batch). */
    public Tensor forward(Tensor x) {
        int t = x.size(1);
        if (t > table.size(0)) throw new IllegalArgumentException("sequence of " + t + " positions exceeds the encoding's " + table.size(0));
        return x.add(table.narrow(0, 0, t));
    }
}
