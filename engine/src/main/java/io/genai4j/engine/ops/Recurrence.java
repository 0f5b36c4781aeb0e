package io.genai4j.engine.ops;

import io.genai4j.engine.Shape;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.kernels.Strided;
import io.genai4j.engine.kernels.VecMath;

/**
 * What makes recurrent nets cheap on the tape. A recurrent step is small ([B, H] matrices), so a
 * dozen elementwise ops per step, each with its own node, buffers and backward, cost as much as
 * the matrix products. Here the pointwise part of an LSTM or GRU step is one op with a hand-written
 * backward, and a [B, T, ...] tensor is cut into its T steps with one shared gradient buffer
 * (T separate slices would each send back a full-size gradient: O(T²) work).
 */
public final class Recurrence {
    private Recurrence() {}

    /**
     * The slices of x along dim (views, that dimension removed). Their gradients are written into
     * one buffer of x's shape, handed back once, after every slice has written its part.
     */
    public static Tensor[] unbind(Tensor x, int dim) {
        int d = Shape.dim(dim, x.dim());
        int n = x.size(d);
        int[] shape = x.shape(), strides = x.strides();
        int[] sShape = new int[shape.length - 1], sStrides = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i == d) continue;
            sShape[j] = shape[i];
            sStrides[j++] = strides[i];
        }
        Tensor[] out = new Tensor[n];
        boolean record = Grad.enabled() && x.requiresGrad();
        Tensor hub = record ? new Tensor(x.storage(), shape, strides, x.offset()).attach("unbind", g -> new Tensor[] {g}, x) : null;
        int[] full = Shape.contiguousStrides(shape);
        int[] slotStrides = new int[sShape.length];
        for (int i = 0, j = 0; i < shape.length; i++) if (i != d) slotStrides[j++] = full[i];
        Tensor[] buffer = new Tensor[1];
        boolean[] handedBack = new boolean[1];
        for (int i = 0; i < n; i++) {
            Tensor slice = new Tensor(x.storage(), sShape, sStrides, x.offset() + i * strides[d]);
            if (record) {
                int slot = i * full[d];
                slice.attach("unbind_slice", g -> {
                    if (buffer[0] == null) buffer[0] = Tensor.zeros(shape);
                    Tensor gc = g.contiguous();
                    Strided.copy(g.shape(), gc.data(), gc.offset(), gc.strides(), buffer[0].data(), slot, slotStrides);
                    if (handedBack[0]) return new Tensor[] {null};
                    handedBack[0] = true;   // the hub's backward runs after every slice's: the buffer is complete by then
                    return new Tensor[] {buffer[0]};
                }, hub);
            }
            out[i] = slice;
        }
        return out;
    }

    /**
     * The pointwise part of an LSTM step, fused. gates [B, 4H] are the pre-activations (i | f | g | o),
     * c [B, H] the cell state; the result is [B, 2H] = h' | c':
     * <pre>
     *   c' = σ(a_f) ⊙ c + σ(a_i) ⊙ tanh(a_g),   h' = σ(a_o) ⊙ tanh(c')
     *   backward: δc' ← δc' + δh' ⊙ o ⊙ (1 − tanh²c');  δa_i = δc'·g·i(1−i),  δa_f = δc'·c·f(1−f),
     *             δa_g = δc'·i·(1−g²),  δa_o = δh'·tanh(c')·o(1−o),  δc = δc'·f
     * </pre>
     */
    public static Tensor lstm(Tensor gates, Tensor c) {
        int b = c.size(0), h = c.size(1);
        if (gates.dim() != 2 || gates.size(0) != b || gates.size(1) != 4 * h) {
            throw new IllegalArgumentException("LSTM gates must be [" + b + ", " + 4 * h + "], got " + Shape.str(gates.shape()));
        }
        Tensor gt = gates.contiguous(), ct = c.contiguous();
        float[] a = gt.data(), cd = ct.data();
        int ao = gt.offset(), co = ct.offset();
        float[] act = new float[b * 4 * h], out = new float[b * 2 * h], tc = new float[b * h];
        for (int r = 0; r < b; r++) {
            VecMath.unary(VecMath.Unary.SIGMOID, a, ao + r * 4 * h, act, r * 4 * h, 4 * h);
            VecMath.unary(VecMath.Unary.TANH, a, ao + r * 4 * h + 2 * h, act, r * 4 * h + 2 * h, h);
            int p = r * 4 * h;
            for (int j = 0; j < h; j++) out[r * 2 * h + h + j] = act[p + h + j] * cd[co + r * h + j] + act[p + j] * act[p + 2 * h + j];
            VecMath.unary(VecMath.Unary.TANH, out, r * 2 * h + h, tc, r * h, h);
            for (int j = 0; j < h; j++) out[r * 2 * h + j] = act[p + 3 * h + j] * tc[r * h + j];
        }
        return Tensor.result(out, new int[] {b, 2 * h}, "lstm_cell", g -> {
            Tensor gg = g.contiguous();
            float[] gd = gg.data();
            int go = gg.offset();
            float[] da = new float[b * 4 * h], dc = new float[b * h];
            for (int r = 0; r < b; r++) {
                int p = r * 4 * h;
                for (int j = 0; j < h; j++) {
                    float i = act[p + j], f = act[p + h + j], gv = act[p + 2 * h + j], o = act[p + 3 * h + j], t = tc[r * h + j];
                    float dh = gd[go + r * 2 * h + j];
                    float dcn = gd[go + r * 2 * h + h + j] + dh * o * (1 - t * t);
                    da[p + j] = dcn * gv * i * (1 - i);
                    da[p + h + j] = dcn * cd[co + r * h + j] * f * (1 - f);
                    da[p + 2 * h + j] = dcn * i * (1 - gv * gv);
                    da[p + 3 * h + j] = dh * t * o * (1 - o);
                    dc[r * h + j] = dcn * f;
                }
            }
            return new Tensor[] {Tensor.of(da, b, 4 * h), Tensor.of(dc, b, h)};
        }, gates, c);
    }

    /**
     * The pointwise part of a GRU step, fused (PyTorch's formulation, r applied to W_hn·h + b_hn).
     * gi = W_ih·x + b_ih and gh = W_hh·h + b_hh are [B, 3H] (r | z | n), h is [B, H]:
     * <pre>
     *   r = σ(gi_r + gh_r),  z = σ(gi_z + gh_z),  n = tanh(gi_n + r ⊙ gh_n),  h' = (1 − z) ⊙ n + z ⊙ h
     *   backward: δa_n = δh'·(1−z)·(1−n²);  δa_z = δh'·(h − n)·z(1−z);  δa_r = δa_n·gh_n·r(1−r)
     *             δgi = (δa_r, δa_z, δa_n),  δgh = (δa_r, δa_z, δa_n·r),  δh = δh'·z
     * </pre>
     */
    public static Tensor gru(Tensor gi, Tensor gh, Tensor h) {
        int b = h.size(0), hd = h.size(1);
        if (gi.dim() != 2 || gh.dim() != 2 || gi.size(0) != b || gh.size(0) != b || gi.size(1) != 3 * hd || gh.size(1) != 3 * hd) {
            throw new IllegalArgumentException("GRU projections must be [" + b + ", " + 3 * hd + "], got " + Shape.str(gi.shape()) + " and " + Shape.str(gh.shape()));
        }
        Tensor it = gi.contiguous(), ht = gh.contiguous(), st = h.contiguous();
        float[] xi = it.data(), xh = ht.data(), hv = st.data();
        int io = it.offset(), ho = ht.offset(), so = st.offset();
        float[] rz = new float[b * 2 * hd], n = new float[b * hd], out = new float[b * hd];
        for (int r = 0; r < b; r++) {
            for (int j = 0; j < 2 * hd; j++) rz[r * 2 * hd + j] = xi[io + r * 3 * hd + j] + xh[ho + r * 3 * hd + j];
            VecMath.unary(VecMath.Unary.SIGMOID, rz, r * 2 * hd, rz, r * 2 * hd, 2 * hd);
            for (int j = 0; j < hd; j++) n[r * hd + j] = xi[io + r * 3 * hd + 2 * hd + j] + rz[r * 2 * hd + j] * xh[ho + r * 3 * hd + 2 * hd + j];
            VecMath.unary(VecMath.Unary.TANH, n, r * hd, n, r * hd, hd);
            for (int j = 0; j < hd; j++) {
                float z = rz[r * 2 * hd + hd + j], nv = n[r * hd + j];
                out[r * hd + j] = nv + z * (hv[so + r * hd + j] - nv);
            }
        }
        return Tensor.result(out, new int[] {b, hd}, "gru_cell", g -> {
            Tensor gg = g.contiguous();
            float[] gd = gg.data();
            int go = gg.offset();
            float[] dgi = new float[b * 3 * hd], dgh = new float[b * 3 * hd], dh = new float[b * hd];
            for (int r = 0; r < b; r++) {
                for (int j = 0; j < hd; j++) {
                    float rv = rz[r * 2 * hd + j], z = rz[r * 2 * hd + hd + j], nv = n[r * hd + j], d = gd[go + r * hd + j];
                    float dan = d * (1 - z) * (1 - nv * nv);
                    float daz = d * (hv[so + r * hd + j] - nv) * z * (1 - z);
                    float dar = dan * xh[ho + r * 3 * hd + 2 * hd + j] * rv * (1 - rv);
                    int p = r * 3 * hd;
                    dgi[p + j] = dar;
                    dgi[p + hd + j] = daz;
                    dgi[p + 2 * hd + j] = dan;
                    dgh[p + j] = dar;
                    dgh[p + hd + j] = daz;
                    dgh[p + 2 * hd + j] = dan * rv;
                    dh[r * hd + j] = d * z;
                }
            }
            return new Tensor[] {Tensor.of(dgi, b, 3 * hd), Tensor.of(dgh, b, 3 * hd), Tensor.of(dh, b, hd)};
        }, gi, gh, h);
    }
}
