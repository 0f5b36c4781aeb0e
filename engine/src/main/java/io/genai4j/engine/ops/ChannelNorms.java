package io.genai4j.engine.ops;

import io.genai4j.engine.Shape;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;

/**
 * Normalisations of NCHW images, written as the engine's row norm ({@link Norms#layerNorm} without
 * scale and shift) over a regrouping of the pixels, then a per-channel scale γ and shift β:
 * <pre>
 *   BatchNorm2d (Ioffe &amp; Szegedy 2015):  statistics per channel over (N, H, W)
 *   GroupNorm   (Wu &amp; He 2018):          statistics per image and group of C/G channels over (C/G, H, W)
 * </pre>
 * BatchNorm in training mode normalises with the batch's own statistics and moves the running
 * estimates towards them (running ← (1 − m)·running + m·batch, with the unbiased variance, as in
 * PyTorch); in evaluation mode it normalises with the running estimates, a fixed affine map.
 */
public final class ChannelNorms {
    private ChannelNorms() {}

    /** weight, bias [C] or null; runningMean, runningVar [C] buffers updated in place when training. */
    public static Tensor batchNorm2d(Tensor x, Tensor weight, Tensor bias, Tensor runningMean, Tensor runningVar,
                                     boolean training, float momentum, float eps) {
        check(x, "batch_norm2d");
        int n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
        Tensor y;
        if (training) {
            Tensor rows = x.transpose(0, 1).reshape(c, n * h * w);          // [C, N·H·W]
            if (runningMean != null) updateRunning(rows, runningMean, runningVar, momentum);
            y = Norms.layerNorm(rows, null, null, eps).reshape(c, n, h, w).transpose(0, 1);
        } else {
            if (runningMean == null || runningVar == null) throw new IllegalArgumentException("batch_norm2d in evaluation mode needs the running mean and variance");
            float[] rm = runningMean.contiguous().toArray(), rv = runningVar.contiguous().toArray();
            float[] scale = new float[c], shift = new float[c];
            for (int ch = 0; ch < c; ch++) {
                scale[ch] = (float) (1 / Math.sqrt(rv[ch] + eps));
                shift[ch] = -rm[ch] * scale[ch];
            }
            y = x.mul(Tensor.of(scale, 1, c, 1, 1)).add(Tensor.of(shift, 1, c, 1, 1));
        }
        return affine(y, weight, bias, c);
    }

    /** Group norm: C must divide into groups; weight, bias [C] or null. */
    public static Tensor groupNorm(Tensor x, int groups, Tensor weight, Tensor bias, float eps) {
        check(x, "group_norm");
        int n = x.size(0), c = x.size(1);
        if (groups < 1 || c % groups != 0) throw new IllegalArgumentException("group_norm: " + c + " channels do not split into " + groups + " groups");
        Tensor y = Norms.layerNorm(x.reshape(n * groups, -1), null, null, eps).reshape(x.shape());
        return affine(y, weight, bias, c);
    }

    private static void check(Tensor x, String op) {
        if (x.dim() != 4) throw new IllegalArgumentException(op + " needs x [N, C, H, W], got " + Shape.str(x.shape()));
    }

    private static Tensor affine(Tensor y, Tensor weight, Tensor bias, int c) {
        if (weight != null) y = y.mul(weight.reshape(1, c, 1, 1));
        if (bias != null) y = y.add(bias.reshape(1, c, 1, 1));
        return y;
    }

    private static void updateRunning(Tensor rows, Tensor runningMean, Tensor runningVar, float momentum) {
        try (Grad g = Grad.off()) {
            Tensor r = rows.contiguous();
            float[] d = r.data(), rm = runningMean.data(), rv = runningVar.data();
            int c = r.size(0), m = r.size(1), o = r.offset();
            for (int ch = 0; ch < c; ch++) {
                double s = 0, ss = 0;
                for (int i = 0; i < m; i++) s += d[o + ch * m + i];
                double mean = s / m;
                for (int i = 0; i < m; i++) {
                    double dev = d[o + ch * m + i] - mean;
                    ss += dev * dev;
                }
                double unbiased = m > 1 ? ss / (m - 1) : ss;
                rm[runningMean.offset() + ch] = (float) ((1 - momentum) * rm[runningMean.offset() + ch] + momentum * mean);
                rv[runningVar.offset() + ch] = (float) ((1 - momentum) * rv[runningVar.offset() + ch] + momentum * unbiased);
            }
        }
    }
}
