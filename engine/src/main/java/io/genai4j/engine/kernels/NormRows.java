package io.genai4j.engine.kernels;

import static io.genai4j.engine.kernels.VecMath.L;
import static io.genai4j.engine.kernels.VecMath.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The row kernels of layer norm and RMS norm (the op, its shapes and its threads are in
 * {@code ops.Norms}): one row of the forward, one row of the backward. Here because they use the
 * Vector API, which stays in the kernel packages.
 */
public final class NormRows {
    private NormRows() {}

    /** y = (x − μ)·rstd ⊙ w + b. */
    public static void forward(float[] x, int xo, float[] y, int yo, int c, float mu, float rs, float[] w, float[] b) {
        FloatVector vmu = FloatVector.broadcast(S, mu), vrs = FloatVector.broadcast(S, rs);
        int i = 0;
        for (int bound = S.loopBound(c); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i).sub(vmu).mul(vrs);
            if (w != null) v = v.mul(FloatVector.fromArray(S, w, i));
            if (b != null) v = v.add(FloatVector.fromArray(S, b, i));
            v.intoArray(y, yo + i);
        }
        for (; i < c; i++) {
            float v = (x[xo + i] - mu) * rs;
            if (w != null) v *= w[i];
            if (b != null) v += b[i];
            y[yo + i] = v;
        }
    }

    /** dx for one row, accumulating dγ and dβ. gxhat is scratch of length c. */
    public static void backward(float[] x, int xo, float[] gy, int go, float[] gx, int gxo, int c,
                                float mu, float rs, float[] w, float[] gxhat, float[] dw, float[] db, boolean center) {
        // ĝ = gy ⊙ γ; accumulate Σĝ and Σ ĝ⊙x̂; dγ += gy⊙x̂; dβ += gy
        FloatVector vmu = FloatVector.broadcast(S, mu), vrs = FloatVector.broadcast(S, rs);
        FloatVector sg = FloatVector.zero(S), sgx = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(c); i < bound; i += L) {
            FloatVector xhat = FloatVector.fromArray(S, x, xo + i).sub(vmu).mul(vrs);
            FloatVector g = FloatVector.fromArray(S, gy, go + i);
            if (dw != null) xhat.fma(g, FloatVector.fromArray(S, dw, i)).intoArray(dw, i);
            if (db != null) g.add(FloatVector.fromArray(S, db, i)).intoArray(db, i);
            FloatVector gh = w != null ? g.mul(FloatVector.fromArray(S, w, i)) : g;
            gh.intoArray(gxhat, i);
            sg = sg.add(gh);
            sgx = gh.fma(xhat, sgx);
        }
        float sumG = sg.reduceLanes(VectorOperators.ADD), sumGX = sgx.reduceLanes(VectorOperators.ADD);
        for (; i < c; i++) {
            float xhat = (x[xo + i] - mu) * rs;
            float g = gy[go + i];
            if (dw != null) dw[i] += g * xhat;
            if (db != null) db[i] += g;
            float gh = w != null ? g * w[i] : g;
            gxhat[i] = gh;
            sumG += gh;
            sumGX += gh * xhat;
        }
        float meanG = center ? sumG / c : 0f, meanGX = sumGX / c;
        // dx = rstd · (ĝ − mean(ĝ) − x̂ · mean(ĝ⊙x̂))
        for (i = 0; i < c; i++) {
            float xhat = (x[xo + i] - mu) * rs;
            gx[gxo + i] = rs * (gxhat[i] - meanG - xhat * meanGX);
        }
    }
}
