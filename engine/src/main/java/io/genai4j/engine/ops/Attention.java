package io.genai4j.engine.ops;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Shape;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.kernels.Gemm;
import io.genai4j.engine.kernels.GemmBackends;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.kernels.VecMath;
import java.util.Arrays;

/**
 * Scaled dot-product attention, fused: Attention(Q, K, V) = softmax(Q·Kᵀ·scale + mask)·V for every
 * (batch, head) pair in parallel. The only T×T buffer is P = softmax(...), one per head, which the
 * backward pass needs anyway; scores, masks and their gradients never get tensors of their own.
 * <pre>
 *   S = scale·Q·Kᵀ,  P = softmax(S masked),  O = P·V
 *   dV = Pᵀ·dO,  dP = dO·Vᵀ,  dS = P ⊙ (dP − rowsum(dP ⊙ P)),  dQ = scale·dS·K,  dK = scale·dSᵀ·Q
 * </pre>
 */
public final class Attention {
    private Attention() {}

    /** The output and, when asked for, the attention weights P [B, H, Tq, Tk]. */
    public record Result(Tensor output, Tensor weights) {}

    /**
     * q [B, H, Tq, D], k and v [B, H, Tk, D]. Causal masking lets query i (the (Tk−Tq+i)-th
     * position overall, so cached keys work) see keys 0..Tk−Tq+i. keyPadding, if given, is
     * [B, Tk] with 1 at keys to ignore. With keepWeights the weights are returned (no gradient).
     */
    public static Result attention(Tensor q, Tensor k, Tensor v, boolean causal, Tensor keyPadding, float scale, boolean keepWeights) {
        return attention(q, k, v, causal, keyPadding, scale, keepWeights, 0f, null);
    }

    /**
     * As above, with dropout on the attention weights while training: O = (P ⊙ M)·V where M keeps
     * each weight with probability 1 − pDrop and scales it by 1/(1 − pDrop). The returned weights
     * are P, before dropout.
     */
    public static Result attention(Tensor q, Tensor k, Tensor v, boolean causal, Tensor keyPadding, float scale,
                                   boolean keepWeights, float pDrop, Rng rng) {
        if (pDrop < 0f || pDrop >= 1f) throw new IllegalArgumentException("attention dropout must be in [0, 1), got " + pDrop);
        if (pDrop > 0f && rng == null) throw new IllegalArgumentException("attention dropout needs a random generator");
        int[] qs = q.shape(), ks = k.shape(), vs = v.shape();
        if (qs.length != 4 || ks.length != 4 || vs.length != 4) {
            throw new IllegalArgumentException("attention wants [B, H, T, D] tensors, got " + Shape.str(qs) + ", " + Shape.str(ks) + ", " + Shape.str(vs));
        }
        int b = qs[0], h = qs[1], tq = qs[2], d = qs[3], tk = ks[2], dv = vs[3];
        if (ks[0] != b || ks[1] != h || ks[3] != d || vs[0] != b || vs[1] != h || vs[2] != tk) {
            throw new IllegalArgumentException("attention shapes do not match: q " + Shape.str(qs) + ", k " + Shape.str(ks) + ", v " + Shape.str(vs));
        }
        if (causal && tq > tk) throw new IllegalArgumentException("causal attention needs Tq <= Tk, got " + tq + " > " + tk);
        if (keyPadding != null && !Arrays.equals(keyPadding.shape(), new int[] {b, tk})) {
            throw new IllegalArgumentException("key padding mask must be [" + b + ", " + tk + "], got " + Shape.str(keyPadding.shape()));
        }
        // Heads are read in place: a view such as qkv.narrow(...).reshape(...).transpose(1, 2) only
        // needs unit stride along D; the row stride becomes the GEMM's leading dimension.
        Heads hq = Heads.of(q), hk = Heads.of(k), hv = Heads.of(v);
        float[] qd = hq.data, kd = hk.data, vd = hv.data;
        float[] pad = keyPadding == null ? null : keyPadding.contiguous().toArray();
        float[] p = new float[b * h * tq * tk];
        // Dropout mask M (0 or 1/(1−p)) per weight; each head draws from its own seeded stream, so
        // the result does not depend on which thread ran which head.
        float[] mask = pDrop > 0f ? new float[p.length] : null;
        long seed = pDrop > 0f ? rng.nextLong() : 0L;
        float keep = 1f / (1f - pDrop);
        float[] out = new float[b * h * tq * dv];
        Gemm gemm = GemmBackends.current();
        int shift = tk - tq;
        Parallel.forRange(b * h, 1, (lo, hi) -> {
            for (int bh = lo; bh < hi; bh++) {
                int pOff = bh * tq * tk, batch = bh / h;
                gemm.sgemm(false, true, tq, tk, d, scale, qd, hq.at(bh, h), hq.ld, kd, hk.at(bh, h), hk.ld, 0f, p, pOff, tk);
                for (int i = 0; i < tq; i++) {
                    int row = pOff + i * tk;
                    if (causal) Arrays.fill(p, row + shift + i + 1, row + tk, Float.NEGATIVE_INFINITY);
                    if (pad != null) {
                        for (int j = 0; j < tk; j++) if (pad[batch * tk + j] != 0f) p[row + j] = Float.NEGATIVE_INFINITY;
                    }
                    Softmax.row(p, row, p, row, tk, false);
                }
                float[] pv = p;
                int pvOff = pOff;
                if (mask != null) {
                    // Pd = P ⊙ M lives in the mask buffer: the product is what V is weighted by.
                    java.util.SplittableRandom r = new java.util.SplittableRandom(seed + 0x9E3779B97F4A7C15L * bh);
                    for (int i = 0; i < tq * tk; i++) mask[pOff + i] = r.nextFloat() >= pDrop ? keep : 0f;
                    pv = new float[tq * tk];
                    pvOff = 0;
                    VecMath.binary(VecMath.Binary.MUL, p, pOff, 1, mask, pOff, 1, pv, 0, tq * tk);
                }
                gemm.sgemm(false, false, tq, dv, tk, 1f, pv, pvOff, tk, vd, hv.at(bh, h), hv.ld, 0f, out, bh * tq * dv, dv);
            }
        });
        int[] outShape = {b, h, tq, dv};
        Tensor o = Tensor.result(out, outShape, "attention", g -> {
            Tensor gc = g.contiguous();
            float[] gd = gc.data();
            int go = gc.offset();
            float[] dq = new float[b * h * tq * d], dk = new float[b * h * tk * d], dvv = new float[b * h * tk * dv];
            Parallel.forRange(b * h, 1, (lo, hi) -> {
                float[] dp = new float[tq * tk];
                float[] pd = mask != null ? new float[tq * tk] : null;
                for (int bh = lo; bh < hi; bh++) {
                    int pOff = bh * tq * tk;
                    float[] pv = p;
                    int pvOff = pOff;
                    if (mask != null) {
                        VecMath.binary(VecMath.Binary.MUL, p, pOff, 1, mask, pOff, 1, pd, 0, tq * tk);
                        pv = pd;
                        pvOff = 0;
                    }
                    // dV = (P⊙M)ᵀ·dO
                    gemm.sgemm(true, false, tk, dv, tq, 1f, pv, pvOff, tk, gd, go + bh * tq * dv, dv, 0f, dvv, bh * tk * dv, dv);
                    // dP = (dO·Vᵀ) ⊙ M
                    gemm.sgemm(false, true, tq, tk, dv, 1f, gd, go + bh * tq * dv, dv, vd, hv.at(bh, h), hv.ld, 0f, dp, 0, tk);
                    if (mask != null) VecMath.binary(VecMath.Binary.MUL, dp, 0, 1, mask, pOff, 1, dp, 0, tq * tk);
                    // dS = P ⊙ (dP − rowsum(dP ⊙ P))   (masked entries have P = 0, so dS = 0 there)
                    for (int i = 0; i < tq; i++) {
                        float s = VecMath.dot(dp, i * tk, p, pOff + i * tk, tk);
                        VecMath.affine(dp, i * tk, 1f, -s, dp, i * tk, tk);
                        VecMath.binary(VecMath.Binary.MUL, dp, i * tk, 1, p, pOff + i * tk, 1, dp, i * tk, tk);
                    }
                    // dQ = scale·dS·K,  dK = scale·dSᵀ·Q
                    gemm.sgemm(false, false, tq, d, tk, scale, dp, 0, tk, kd, hk.at(bh, h), hk.ld, 0f, dq, bh * tq * d, d);
                    gemm.sgemm(true, false, tk, d, tq, scale, dp, 0, tk, qd, hq.at(bh, h), hq.ld, 0f, dk, bh * tk * d, d);
                }
            });
            return new Tensor[] {Tensor.of(dq, qs), Tensor.of(dk, ks), Tensor.of(dvv, vs), null};
        }, q, k, v, keyPadding);
        return new Result(o, keepWeights ? Tensor.of(p, b, h, tq, tk) : null);
    }

    /** Where head (b, h) of a [B, H, T, D] tensor starts, and its row stride, for in-place GEMMs. */
    private record Heads(float[] data, int offset, int strideB, int strideH, int ld) {
        static Heads of(Tensor t) {
            int[] st = t.strides();
            if (st[3] != 1 || st[2] < t.size(3)) t = t.contiguous();
            st = t.strides();
            return new Heads(t.data(), t.offset(), st[0], st[1], Math.max(st[2], t.size(3)));
        }

        int at(int bh, int heads) {
            return offset + (bh / heads) * strideB + (bh % heads) * strideH;
        }
    }
}
