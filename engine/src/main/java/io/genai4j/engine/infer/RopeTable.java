package io.genai4j.engine.infer;

/**
 * The rotary position embedding of a plan: per pair i of a head's first {@code ropeDim} dimensions
 * an inverse frequency θ_i (scaling and frequency factors already applied), and which dimensions
 * form a pair. Position p turns pair i by φ = p·θ_i:
 * <pre>
 *   (a, b) → (a·cos φ − b·sin φ,  a·sin φ + b·cos φ)
 * </pre>
 * Angles are computed in double and rounded once, so the runtime and the modules (which rotate
 * with this same table) agree to the bit.
 */
public final class RopeTable {
    /** Which dimensions rotate together: (2i, 2i+1) as llama.cpp's NORM, or (i, i + d/2) as NEOX. */
    public enum Pairing { ADJACENT, HALVES }

    private final Pairing pairing;
    private final int headDim, half;
    private final double[] invFreq;

    /** No rotation at all (GPT-2's learned positions). */
    public static final RopeTable NONE = new RopeTable(Pairing.ADJACENT, 1, new double[0]);

    public RopeTable(Pairing pairing, int headDim, double[] invFreq) {
        this.pairing = pairing;
        this.headDim = headDim;
        this.invFreq = invFreq.clone();
        this.half = invFreq.length;
    }

    /** Rotated pairs per head (0 without RoPE). */
    public int pairs() {
        return invFreq.length;
    }

    /** cos φ_i and sin φ_i of position p into cos/sin[off, off + pairs()). */
    public void angles(int p, float[] cos, float[] sin, int off) {
        for (int i = 0; i < invFreq.length; i++) {
            double phi = (double) p * invFreq[i];
            cos[off + i] = (float) Math.cos(phi);
            sin[off + i] = (float) Math.sin(phi);
        }
    }

    /**
     * Rotates n consecutive heads at x[off..] in place with the angles at cos/sin[csOff..]; sign −1
     * turns them back (the gradient of the rotation is the inverse rotation).
     */
    public void rotate(float[] x, int off, int n, float[] cos, float[] sin, int csOff, float sign) {
        for (int hi = 0; hi < n; hi++) {
            int base = off + hi * headDim;
            for (int i = 0; i < half; i++) {
                int ia = pairing == Pairing.ADJACENT ? base + 2 * i : base + i;
                int ib = pairing == Pairing.ADJACENT ? ia + 1 : ia + half;
                float c = cos[csOff + i], s = sign * sin[csOff + i];
                float a0 = x[ia], b0 = x[ib];
                x[ia] = a0 * c - b0 * s;
                x[ib] = a0 * s + b0 * c;
            }
        }
    }
}
