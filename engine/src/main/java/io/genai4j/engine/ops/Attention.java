package io.genai4j.engine.ops;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Shape;
import io.genai4j.engine.Storage;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.kernels.Gemm;
import io.genai4j.engine.kernels.GemmBackends;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.kernels.VecMath;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Scaled dot-product attention, fused: Attention(Q, K, V) = softmax(Q·Kᵀ·scale + mask)·V for every
 * (batch, head) pair in parallel. The only T×T buffer is P = softmax(...), one per head, which the
 * backward pass needs anyway; scores, masks and their gradients never get tensors of their own.
 * <pre>
 *   S = scale·Q·Kᵀ,  P = softmax(S masked),  O = P·V
 *   dV = Pᵀ·dO,  dP = dO·Vᵀ,  dS = P ⊙ (dP − rowsum(dP ⊙ P)),  dQ = scale·dS·K,  dK = scale·dSᵀ·Q
 * </pre>
 * Heads are read and written in place through the GEMM's leading dimension ({@link Heads}), so views
 * such as "split a [B, T, 3C] projection into Q, K, V heads" cost no copies.
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
        int[] qs = q.shape(), ks = k.shape(), vs = v.shape();
        if (qs.length != 4 || ks.length != 4 || vs.length != 4) {
            throw new IllegalArgumentException("attention wants [B, H, T, D] tensors, got " + Shape.str(qs) + ", " + Shape.str(ks) + ", " + Shape.str(vs));
        }
        int b = qs[0], h = qs[1], tq = qs[2], d = qs[3], tk = ks[2], dv = vs[3];
        if (ks[0] != b || ks[1] != h || ks[3] != d || vs[0] != b || vs[1] != h || vs[2] != tk) {
            throw new IllegalArgumentException("attention shapes do not match: q " + Shape.str(qs) + ", k " + Shape.str(ks) + ", v " + Shape.str(vs));
        }
        if (keyPadding != null && !Arrays.equals(keyPadding.shape(), new int[] {b, tk})) {
            throw new IllegalArgumentException("key padding mask must be [" + b + ", " + tk + "], got " + Shape.str(keyPadding.shape()));
        }
        float[] pad = keyPadding == null ? null : keyPadding.contiguous().toArray();
        Core core = new Core(b, h, tq, tk, d, dv, causal, pad, scale, pDrop, rng);
        // The output is a [B, H, Tq, Dv] view of memory laid out [B, Tq, H, Dv], so concatenating the
        // heads (transpose(1, 2) then reshape to [B, Tq, H·Dv]) costs no copy.
        float[] out = new float[b * tq * h * dv];
        Heads ho = new Heads(out, 0, tq * h * dv, dv, h * dv);
        core.forward(Heads.of(q), Heads.of(k), Heads.of(v), ho);
        Tensor o = new Tensor(new Storage.F32(out), new int[] {b, h, tq, dv}, new int[] {tq * h * dv, dv, h * dv, 1}, 0);
        o.attach("attention", g -> {
            float[] dq = new float[b * h * tq * d], dk = new float[b * h * tk * d], dvv = new float[b * h * tk * dv];
            core.backward(Heads.of(g), Heads.contiguous(dq, h, tq, d), Heads.contiguous(dk, h, tk, d), Heads.contiguous(dvv, h, tk, dv));
            return new Tensor[] {Tensor.of(dq, qs), Tensor.of(dk, ks), Tensor.of(dvv, vs), null};
        }, q, k, v, keyPadding);
        return new Result(o, keepWeights ? Tensor.of(core.p, b, h, tq, tk) : null);
    }

    /**
     * GPT's causal self-attention on a packed projection: qkv [B, T, 3C] holds Q, K and V side by
     * side (nanoGPT's c_attn output); the result is [B, T, C] with heads concatenated. The whole
     * split-heads / merge-heads bookkeeping is strides, and the backward pass writes dQ, dK, dV
     * straight into one d(qkv) buffer.
     */
    public static Tensor packedCausalSelfAttention(Tensor qkv, int heads, float pDrop, Rng rng) {
        int[] s = qkv.shape();
        if (s.length != 3 || s[2] % (3 * heads) != 0) {
            throw new IllegalArgumentException("packed attention wants [B, T, 3·C] with C divisible by " + heads + " heads, got " + Shape.str(s));
        }
        int b = s[0], t = s[1], c = s[2] / 3, d = c / heads;
        Tensor x = qkv.contiguous();
        float[] xd = x.data();
        int xo = x.offset();
        Core core = new Core(b, heads, t, t, d, d, true, null, (float) (1 / Math.sqrt(d)), pDrop, rng);
        float[] out = new float[b * t * c];
        core.forward(Heads.packed(xd, xo, t, c, d, 0), Heads.packed(xd, xo, t, c, d, 1), Heads.packed(xd, xo, t, c, d, 2),
                new Heads(out, 0, t * c, d, c));
        return Tensor.result(out, new int[] {b, t, c}, "packed_attention", g -> {
            Tensor gc = g.contiguous();
            float[] dqkv = new float[b * t * 3 * c];
            core.backward(new Heads(gc.data(), gc.offset(), t * c, d, c),
                    Heads.packed(dqkv, 0, t, c, d, 0), Heads.packed(dqkv, 0, t, c, d, 1), Heads.packed(dqkv, 0, t, c, d, 2));
            return new Tensor[] {Tensor.of(dqkv, s)};
        }, qkv);
    }

    /** The shared computation, holding P (and the dropout mask) between forward and backward. */
    private static final class Core {
        final int b, h, tq, tk, d, dv;
        final boolean causal;
        final float[] pad;
        final float scale, pDrop;
        final float[] p;
        final float[] mask;
        final long seed;
        final Gemm gemm = GemmBackends.current();
        Heads q, k, v;

        Core(int b, int h, int tq, int tk, int d, int dv, boolean causal, float[] pad, float scale, float pDrop, Rng rng) {
            if (causal && tq > tk) throw new IllegalArgumentException("causal attention needs Tq <= Tk, got " + tq + " > " + tk);
            if (pDrop < 0f || pDrop >= 1f) throw new IllegalArgumentException("attention dropout must be in [0, 1), got " + pDrop);
            if (pDrop > 0f && rng == null) throw new IllegalArgumentException("attention dropout needs a random generator");
            this.b = b;
            this.h = h;
            this.tq = tq;
            this.tk = tk;
            this.d = d;
            this.dv = dv;
            this.causal = causal;
            this.pad = pad;
            this.scale = scale;
            this.pDrop = pDrop;
            this.p = new float[b * h * tq * tk];
            // Dropout mask M (0 or 1/(1−p)) per weight; each head draws from its own seeded stream,
            // so the result does not depend on which thread ran which head.
            this.mask = pDrop > 0f ? new float[p.length] : null;
            this.seed = pDrop > 0f ? rng.nextLong() : 0L;
        }

        /** Heads per parallel chunk: a whole call's worth when it is too small to be worth a thread. */
        int grain() {
            long flops = 2L * b * h * tq * tk * (d + dv);
            return flops < (1 << 18) ? b * h : 1;
        }

        void forward(Heads q, Heads k, Heads v, Heads out) {
            this.q = q;
            this.k = k;
            this.v = v;
            int shift = tk - tq;
            float keep = 1f / (1f - pDrop);
            Parallel.forRange(b * h, grain(), (lo, hi) -> {
                float[] pd = mask != null ? new float[tq * tk] : null;
                for (int bh = lo; bh < hi; bh++) {
                    int pOff = bh * tq * tk, batch = bh / h;
                    gemm.sgemm(false, true, tq, tk, d, scale, q.data, q.at(bh, h), q.ld, k.data, k.at(bh, h), k.ld, 0f, p, pOff, tk);
                    for (int i = 0; i < tq; i++) {
                        int row = pOff + i * tk;
                        if (causal) Arrays.fill(p, row + shift + i + 1, row + tk, Float.NEGATIVE_INFINITY);
                        if (pad != null) {
                            for (int j = 0; j < tk; j++) if (pad[batch * tk + j] != 0f) p[row + j] = Float.NEGATIVE_INFINITY;
                        }
                        Softmax.row(p, row, p, row, tk, false);
                    }
                    if (mask != null) {
                        SplittableRandom r = new SplittableRandom(seed + 0x9E3779B97F4A7C15L * bh);
                        for (int i = 0; i < tq * tk; i++) mask[pOff + i] = r.nextFloat() >= pDrop ? keep : 0f;
                        VecMath.binary(VecMath.Binary.MUL, p, pOff, 1, mask, pOff, 1, pd, 0, tq * tk);
                        gemm.sgemm(false, false, tq, dv, tk, 1f, pd, 0, tk, v.data, v.at(bh, h), v.ld, 0f, out.data, out.at(bh, h), out.ld);
                    } else {
                        gemm.sgemm(false, false, tq, dv, tk, 1f, p, pOff, tk, v.data, v.at(bh, h), v.ld, 0f, out.data, out.at(bh, h), out.ld);
                    }
                }
            });
        }

        void backward(Heads gOut, Heads dq, Heads dk, Heads dvOut) {
            Parallel.forRange(b * h, grain(), (lo, hi) -> {
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
                    gemm.sgemm(true, false, tk, dv, tq, 1f, pv, pvOff, tk, gOut.data, gOut.at(bh, h), gOut.ld, 0f, dvOut.data, dvOut.at(bh, h), dvOut.ld);
                    // dP = (dO·Vᵀ) ⊙ M
                    gemm.sgemm(false, true, tq, tk, dv, 1f, gOut.data, gOut.at(bh, h), gOut.ld, v.data, v.at(bh, h), v.ld, 0f, dp, 0, tk);
                    if (mask != null) VecMath.binary(VecMath.Binary.MUL, dp, 0, 1, mask, pOff, 1, dp, 0, tq * tk);
                    // dS = P ⊙ (dP − rowsum(dP ⊙ P))   (masked entries have P = 0, so dS = 0 there)
                    for (int i = 0; i < tq; i++) {
                        float s = VecMath.dot(dp, i * tk, p, pOff + i * tk, tk);
                        VecMath.affine(dp, i * tk, 1f, -s, dp, i * tk, tk);
                        VecMath.binary(VecMath.Binary.MUL, dp, i * tk, 1, p, pOff + i * tk, 1, dp, i * tk, tk);
                    }
                    // dQ = scale·dS·K,  dK = scale·dSᵀ·Q
                    gemm.sgemm(false, false, tq, d, tk, scale, dp, 0, tk, k.data, k.at(bh, h), k.ld, 0f, dq.data, dq.at(bh, h), dq.ld);
                    gemm.sgemm(true, false, tk, d, tq, scale, dp, 0, tk, q.data, q.at(bh, h), q.ld, 0f, dk.data, dk.at(bh, h), dk.ld);
                }
            });
        }
    }

    /** Where head (b, h) of a [B, H, T, D] layout starts, and its row stride, for in-place GEMMs. */
    private record Heads(float[] data, int offset, int strideB, int strideH, int ld) {
        /** The heads of a [B, H, T, D] tensor view (copied only if D is not unit-stride). */
        static Heads of(Tensor t) {
            int[] st = t.strides();
            if (st[3] != 1 || st[2] < t.size(3)) t = t.contiguous();
            st = t.strides();
            return new Heads(t.data(), t.offset(), st[0], st[1], Math.max(st[2], t.size(3)));
        }

        /** A contiguous [B, H, T, D] buffer. */
        static Heads contiguous(float[] data, int h, int t, int d) {
            return new Heads(data, 0, h * t * d, t * d, d);
        }

        /** Part (0 = Q, 1 = K, 2 = V) of a [B, T, 3C] buffer, as heads of width d. */
        static Heads packed(float[] data, int offset, int t, int c, int d, int part) {
            return new Heads(data, offset + part * c, t * 3 * c, d, 3 * c);
        }

        int at(int bh, int heads) {
            return offset + (bh / heads) * strideB + (bh % heads) * strideH;
        }
    }
}
