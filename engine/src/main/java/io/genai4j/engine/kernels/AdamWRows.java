package io.genai4j.engine.kernels;

import static io.genai4j.engine.kernels.VecMath.L;
import static io.genai4j.engine.kernels.VecMath.S;

import jdk.incubator.vector.FloatVector;

/**
 * AdamW's update of elements [lo, hi) of one parameter, in place (weights, first and second moments;
 * the formula and the step count are in {@code optim.AdamW}). Here because it uses the Vector API,
 * which stays in the kernel packages.
 */
public final class AdamWRows {
    private AdamWRows() {}

    /** p ← p·decay − stepSize · m / (√v · invSqrtBc2 + ε), after updating m and v with g. */
    public static void update(float[] w, int wo, float[] g, int go, float[] m, float[] v, int lo, int hi,
                              float decay, float b1, float b2, float stepSize, float invSqrtBc2, float eps) {
        int i = lo;
        for (int bound = lo + S.loopBound(hi - lo); i < bound; i += L) {
            FloatVector vg = FloatVector.fromArray(S, g, go + i);
            FloatVector vm = FloatVector.fromArray(S, m, i).mul(b1).add(vg.mul(1 - b1));
            FloatVector vv = FloatVector.fromArray(S, v, i).mul(b2).add(vg.mul(vg).mul(1 - b2));
            vm.intoArray(m, i);
            vv.intoArray(v, i);
            FloatVector denom = vv.sqrt().mul(invSqrtBc2).add(eps);
            FloatVector vw = FloatVector.fromArray(S, w, wo + i).mul(decay);
            vw.sub(vm.div(denom).mul(stepSize)).intoArray(w, wo + i);
        }
        for (; i < hi; i++) {
            float gi = g[go + i];
            m[i] = b1 * m[i] + (1 - b1) * gi;
            v[i] = b2 * v[i] + (1 - b2) * gi * gi;
            float denom = (float) Math.sqrt(v[i]) * invSqrtBc2 + eps;
            w[wo + i] = w[wo + i] * decay - stepSize * m[i] / denom;
        }
    }
}
