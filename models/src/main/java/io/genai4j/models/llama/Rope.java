package io.genai4j.models.llama;

import io.genai4j.engine.Tensor;

/**
 * Rotary position embedding (Su et al., RoFormer): pair i of a head's dimensions at position p is
 * rotated by the angle
 * <pre>
 *   φ = p · s · base^(−2i/d) / f_i          s: linear scaling, f_i: Llama 3.1 frequency factor (1 if none)
 *   (a, b) → (a·cos φ − b·sin φ,  a·sin φ + b·cos φ)
 * </pre>
 * with the pairing of {@link RopeStyle}. Angles are computed in double and rounded once. The
 * rotation is differentiable: its gradient is the inverse rotation.
 */
public final class Rope {
    private final RopeStyle style;
    private final int headDim, ropeDim;
    private final double[] invFreq;   // per pair

    public Rope(LlamaConfig c) {
        this.style = c.ropeStyle();
        this.headDim = c.headDim();
        this.ropeDim = c.ropeDim();
        int pairs = ropeDim / 2;
        invFreq = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            double f = Math.pow(c.ropeTheta(), -2.0 * i / ropeDim) * c.ropeFreqScale();
            if (c.ropeFreqFactors() != null) f /= c.ropeFreqFactors()[i];
            invFreq[i] = f;
        }
    }

    /** x [B, T, H, headDim] at positions start.. start+T−1 → rotated copy. */
    public Tensor apply(Tensor x, int start) {
        if (style == RopeStyle.NONE) return x;
        int[] shape = x.shape();
        int t = shape[1];
        float[] cos = new float[t * invFreq.length], sin = new float[cos.length];
        for (int p = 0; p < t; p++) {
            for (int i = 0; i < invFreq.length; i++) {
                double phi = (double) (start + p) * invFreq[i];
                cos[p * invFreq.length + i] = (float) Math.cos(phi);
                sin[p * invFreq.length + i] = (float) Math.sin(phi);
            }
        }
        float[] out = rotate(x.contiguous().toArray(), shape, cos, sin, 1f);
        return Tensor.result(out, shape, "rope", g -> new Tensor[] {Tensor.of(rotate(g.contiguous().toArray(), shape, cos, sin, -1f), shape)}, x);
    }

    /** Rotated pairs per head (0 without RoPE). */
    int pairs() {
        return style == RopeStyle.NONE ? 0 : invFreq.length;
    }

    /** cos φ_i and sin φ_i of position p into cos/sin[off, off + pairs()), computed as in {@link #apply}. */
    void angles(int p, float[] cos, float[] sin, int off) {
        for (int i = 0; i < pairs(); i++) {
            double phi = (double) p * invFreq[i];
            cos[off + i] = (float) Math.cos(phi);
            sin[off + i] = (float) Math.sin(phi);
        }
    }

    /** Rotates n consecutive heads at x[off..] in place with the angles at cos/sin[csOff..] (the inference path). */
    void rotate(float[] x, int off, int n, float[] cos, float[] sin, int csOff) {
        int pairs = pairs(), half = ropeDim / 2;
        for (int hi = 0; hi < n; hi++) {
            int base = off + hi * headDim;
            for (int i = 0; i < pairs; i++) {
                int ia = style == RopeStyle.NORM ? base + 2 * i : base + i;
                int ib = style == RopeStyle.NORM ? ia + 1 : ia + half;
                float c = cos[csOff + i], s = sin[csOff + i];
                float a0 = x[ia], b0 = x[ib];
                x[ia] = a0 * c - b0 * s;
                x[ib] = a0 * s + b0 * c;
            }
        }
    }

    /** Rotates every head of every position in place (sign −1: the inverse rotation). */
    private float[] rotate(float[] d, int[] shape, float[] cos, float[] sin, float sign) {
        int b = shape[0], t = shape[1], h = shape[2], pairs = invFreq.length;
        int half = ropeDim / 2;
        for (int bi = 0; bi < b; bi++) {
            for (int p = 0; p < t; p++) {
                for (int hi = 0; hi < h; hi++) {
                    int base = ((bi * t + p) * h + hi) * headDim;
                    for (int i = 0; i < pairs; i++) {
                        int ia = style == RopeStyle.NORM ? base + 2 * i : base + i;
                        int ib = style == RopeStyle.NORM ? ia + 1 : ia + half;
                        float c = cos[p * pairs + i], s = sign * sin[p * pairs + i];
                        float a0 = d[ia], b0 = d[ib];
                        d[ia] = a0 * c - b0 * s;
                        d[ib] = a0 * s + b0 * c;
                    }
                }
            }
        }
        return d;
    }
}
