package io.genai4j.models.diffusion;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Conv2d;
import io.genai4j.engine.nn.GroupNorm;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.Module;

/**
 * The residual block of the DDPM U-Net (Ho et al. 2020, after Wide ResNets), with the step's
 * embedding e added to every channel between the two convolutions:
 * <pre>
 *   h = conv₁(SiLU(GN(x))) + W·SiLU(e)        (one bias per channel, broadcast over the pixels)
 *   y = conv₂(SiLU(GN(h))) + skip(x)          (skip: identity, or a 1×1 conv when the channels change)
 * </pre>
 */
final class UNetBlock extends Module {
    final GroupNorm norm1, norm2;
    final Conv2d conv1, conv2, skip;
    final Linear time;
    private final int out;

    UNetBlock(int in, int out, int embed, Rng rng) {
        this.out = out;
        norm1 = add("norm1", new GroupNorm(groups(in), in));
        conv1 = add("conv1", new Conv2d(in, out, 3, 1, 1, rng));
        time = add("time", new Linear(embed, out, true, rng));
        norm2 = add("norm2", new GroupNorm(groups(out), out));
        conv2 = add("conv2", new Conv2d(out, out, 3, 1, 1, rng));
        skip = in == out ? null : add("skip", new Conv2d(in, out, 1, 1, 0, rng));
    }

    /** x [B, in, H, W], e [B, embed] → [B, out, H, W]. */
    Tensor forward(Tensor x, Tensor e) {
        Tensor h = conv1.forward(norm1.forward(x).silu());
        h = h.add(time.forward(e.silu()).reshape(x.size(0), out, 1, 1));
        h = conv2.forward(norm2.forward(h).silu());
        return h.add(skip == null ? x : skip.forward(x));
    }

    /** Eight groups when the channels allow (the small-model choice), else the largest divisor ≤ 8. */
    static int groups(int channels) {
        for (int g = 8; g > 1; g--) if (channels % g == 0) return g;
        return 1;
    }
}
