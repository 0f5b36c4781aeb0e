package io.genai4j.models.llama;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.infer.RopeTable;

/**
 * Rotary position embedding (Su et al., RoFormer): pair i of a head's dimensions at position p is
 * rotated by the angle
 * <pre>
 *   φ = p · s · base^(−2i/d) / f_i          s: linear scaling, f_i: Llama 3.1 frequency factor (1 if none)
 *   (a, b) → (a·cos φ − b·sin φ,  a·sin φ + b·cos φ)
 * </pre>
 * with the pairing of {@link RopeStyle}. The frequencies become a {@link RopeTable}, which both this
 * module (differentiable: its gradient is the inverse rotation) and the runtime rotate with.
 */
public final class Rope {
    private final RopeTable table;
    private final int headDim;

    public Rope(LlamaConfig c) {
        this.headDim = c.headDim();
        if (c.ropeStyle() == RopeStyle.NONE) {
            table = RopeTable.NONE;
            return;
        }
        int ropeDim = c.ropeDim(), pairs = ropeDim / 2;
        double[] invFreq = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            double f = Math.pow(c.ropeTheta(), -2.0 * i / ropeDim) * c.ropeFreqScale();
            if (c.ropeFreqFactors() != null) f /= c.ropeFreqFactors()[i];
            invFreq[i] = f;
        }
        table = new RopeTable(c.ropeStyle() == RopeStyle.NORM ? RopeTable.Pairing.ADJACENT : RopeTable.Pairing.HALVES, headDim, invFreq);
    }

    /** The frequencies and pairing, for the runtime's plan. */
    RopeTable table() {
        return table;
    }

    /** x [B, T, H, headDim] at positions start.. start+T−1 → rotated copy. */
    public Tensor apply(Tensor x, int start) {
        int pairs = table.pairs();
        if (pairs == 0) return x;
        int[] shape = x.shape();
        int t = shape[1];
        float[] cos = new float[t * pairs], sin = new float[cos.length];
        for (int p = 0; p < t; p++) table.angles(start + p, cos, sin, p * pairs);
        float[] out = rotate(x.contiguous().toArray(), shape, cos, sin, 1f);
        return Tensor.result(out, shape, "rope", g -> new Tensor[] {Tensor.of(rotate(g.contiguous().toArray(), shape, cos, sin, -1f), shape)}, x);
    }

    /** Rotates every head of every position in place (sign −1: the inverse rotation). */
    private float[] rotate(float[] d, int[] shape, float[] cos, float[] sin, float sign) {
        int b = shape[0], t = shape[1], h = shape[2], pairs = table.pairs();
        for (int bi = 0; bi < b; bi++) {
            for (int p = 0; p < t; p++) table.rotate(d, (bi * t + p) * h * headDim, h, cos, sin, p * pairs, sign);
        }
        return d;
    }
}
