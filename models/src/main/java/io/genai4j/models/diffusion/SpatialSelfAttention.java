package io.genai4j.models.diffusion;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.GroupNorm;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.nn.MultiHeadAttention;

/**
 * The DDPM U-Net's attention block (Ho et al. 2020, at the 16×16 level of their CIFAR model): every
 * pixel of a feature map attends to every other, so the far side of the image informs each
 * position — which the 3×3 convolutions only reach after many layers:
 * <pre>
 *   z = GN(x) seen as HW tokens of C channels       [B, C, H, W] → [B, HW, C]
 *   y = x + W_o·softmax(QKᵀ/√d)·V                   Q, K, V = W_q z, W_k z, W_v z (1×1 projections)
 * </pre>
 * The projections and the attention are the engine's {@link MultiHeadAttention}, one head as in DDPM.
 * Cost grows with (HW)², hence its place at the lowest resolution only.
 */
final class SpatialSelfAttention extends Module {
    final GroupNorm norm;
    final MultiHeadAttention attention;

    SpatialSelfAttention(int channels, Rng rng) {
        norm = add("norm", new GroupNorm(UNetBlock.groups(channels), channels));
        attention = add("attn", new MultiHeadAttention(channels, 1, true, 0f, rng));
    }

    /** x [B, C, H, W] → [B, C, H, W]. */
    Tensor forward(Tensor x) {
        int b = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
        Tensor tokens = norm.forward(x).reshape(b, c, h * w).transpose(1, 2);
        Tensor mixed = attention.forward(tokens, false, null);
        return x.add(mixed.transpose(1, 2).reshape(b, c, h, w));
    }
}
