package io.genai4j.engine.ops;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;

/**
 * The functional vocabulary of neural networks (in the spirit of torch.nn.functional): what models
 * call beyond plain tensor math. Each function is differentiable.
 */
public final class F {
    private F() {}

    /** y = x·Wᵀ + b for W [out, in] (b may be null): a fully connected layer in one op. */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        return Affine.linear(x, weight, bias);
    }

    /** Layer norm over the last dimension: (x − μ)/√(σ² + ε) ⊙ γ + β (γ, β may be null). */
    public static Tensor layerNorm(Tensor x, Tensor weight, Tensor bias, float eps) {
        return Norms.layerNorm(x, weight, bias, eps);
    }

    /** RMS norm over the last dimension: x/√(mean(x²) + ε) ⊙ γ. */
    public static Tensor rmsNorm(Tensor x, Tensor weight, float eps) {
        return Norms.rmsNorm(x, weight, eps);
    }

    /** Mean cross-entropy of logits [..., C] against class ids (one per row). */
    public static Tensor crossEntropy(Tensor logits, int[] targets) {
        return Losses.crossEntropy(logits, targets, Integer.MIN_VALUE, 0f);
    }

    /** Cross-entropy skipping rows whose target is ignoreIndex, with optional label smoothing. */
    public static Tensor crossEntropy(Tensor logits, int[] targets, int ignoreIndex, float labelSmoothing) {
        return Losses.crossEntropy(logits, targets, ignoreIndex, labelSmoothing);
    }

    /** Elementwise binary cross-entropy of logits against targets in [0, 1]; see {@link Losses#binaryCrossEntropyWithLogits}. */
    public static Tensor binaryCrossEntropyWithLogits(Tensor logits, Tensor targets) {
        return Losses.binaryCrossEntropyWithLogits(logits, targets);
    }

    /** Rows of weight [V, D] for each id; the result has shape idsShape + [D]. */
    public static Tensor embedding(Tensor weight, int[] ids, int... idsShape) {
        return Indexing.embedding(weight, ids, idsShape);
    }

    /** Inverted dropout with probability p (identity when p = 0). */
    public static Tensor dropout(Tensor x, float p, Rng rng) {
        return Dropout.apply(x, p, rng);
    }

    /**
     * softmax(Q·Kᵀ/√d + mask)·V over [B, H, T, D] tensors, fused (see {@link Attention}); keyPadding
     * is null or [B, Tk] with 1 at keys to ignore.
     */
    public static Tensor scaledDotProductAttention(Tensor q, Tensor k, Tensor v, boolean causal, Tensor keyPadding) {
        float scale = (float) (1 / Math.sqrt(q.size(-1)));
        return Attention.attention(q, k, v, causal, keyPadding, scale, false).output();
    }

    public static Tensor cat(int dim, Tensor... ts) {
        return Joins.cat(dim, ts);
    }

    public static Tensor stack(int dim, Tensor... ts) {
        return Joins.stack(dim, ts);
    }

    public static Tensor[] split(Tensor x, int dim, int... sizes) {
        return Joins.split(x, dim, sizes);
    }

    public static Tensor indexSelect(Tensor x, int dim, int[] index) {
        return Indexing.indexSelect(x, dim, index);
    }

    public static Tensor gather(Tensor x, int dim, int[] index, int... indexShape) {
        return Indexing.gather(x, dim, index, indexShape);
    }

    /** 2-D convolution of x [N, C, H, W] with weight [O, C/G, kh, kw] (bias [O] or null); see {@link Convolution}. */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, ConvGeometry geometry) {
        return Convolution.conv2d(x, weight, bias, geometry);
    }

    /** Max pooling of NCHW images with a kernel×kernel window (padding counts as −∞). */
    public static Tensor maxPool2d(Tensor x, int kernel, int stride, int padding) {
        return Pooling.maxPool2d(x, ConvGeometry.square(kernel, stride, padding, 1, 1));
    }

    /** Average pooling of NCHW images with a kernel×kernel window (padding counts as 0). */
    public static Tensor avgPool2d(Tensor x, int kernel, int stride, int padding) {
        return Pooling.avgPool2d(x, ConvGeometry.square(kernel, stride, padding, 1, 1));
    }

    /** Batch norm of NCHW images; see {@link ChannelNorms#batchNorm2d}. */
    public static Tensor batchNorm2d(Tensor x, Tensor weight, Tensor bias, Tensor runningMean, Tensor runningVar,
                                     boolean training, float momentum, float eps) {
        return ChannelNorms.batchNorm2d(x, weight, bias, runningMean, runningVar, training, momentum, eps);
    }

    /** Group norm of NCHW images over groups of C/G channels. */
    public static Tensor groupNorm(Tensor x, int groups, Tensor weight, Tensor bias, float eps) {
        return ChannelNorms.groupNorm(x, groups, weight, bias, eps);
    }

    /** Nearest-neighbour resize of NCHW images to [outH, outW]. */
    public static Tensor upsampleNearest(Tensor x, int outH, int outW) {
        return Upsampling.nearest(x, outH, outW);
    }

    /** Bilinear resize of NCHW images to [outH, outW] (align_corners=False). */
    public static Tensor upsampleBilinear(Tensor x, int outH, int outW) {
        return Upsampling.bilinear(x, outH, outW);
    }
}
