package io.genai4j.models.diffusion;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Conv2d;
import io.genai4j.engine.nn.Embedding;
import io.genai4j.engine.nn.GroupNorm;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.nn.PositionalEncoding;
import io.genai4j.engine.ops.F;

/**
 * ε_θ(x_t, t, c) for one-channel images: a two-level U-Net (Ronneberger et al. 2015, as DDPM uses
 * it) of {@link UNetBlock}s, w feature maps at full resolution and 2w below:
 * <pre>
 *   e  = W₂·SiLU(W₁·PE(t)) [+ E[c]]                 (sinusoidal step embedding; class c, or the null class)
 *   h₀ = block(conv_in(x_t))              w,  S      → skip₀
 *   h₁ = block(down₀(h₀))                 2w, S/2    → skip₁      (down: 3×3 conv, stride 2)
 *   m  = attn(block(down₁(h₁)))           2w, S/4                  (self-attention over the S/4 × S/4 pixels)
 *   u₁ = block(cat(up(m), skip₁))         2w, S/2                  (up: nearest ×2)
 *   u₀ = block(cat(up(u₁), skip₀))        w,  S
 *   ε̂  = conv_out(SiLU(GN(u₀)))           1,  S
 * </pre>
 * The skips carry the fine detail the bottleneck cannot; every block sees e, so one network
 * denoises at every noise level. The attention at the lowest resolution lets every position see the
 * whole image (see {@link SpatialSelfAttention}); files from before it existed load without it.
 */
public final class PixelUNet extends Module {
    /**
     * Sizes: {@code width} feature maps at full resolution, square images {@code imageSize} wide (a
     * multiple of 4), T {@code steps}, {@code classes} labels (0 = unconditional; else one more
     * embedding row, index {@code classes}, is the null class of classifier-free guidance);
     * {@code attention}: self-attention after the middle block.
     */
    public record Config(int width, int imageSize, int steps, int classes, boolean attention) {
        public Config {
            if (width < 2 || width % 2 != 0) throw new IllegalArgumentException("--width must be an even number >= 2, got " + width);
            if (imageSize < 4 || imageSize % 4 != 0) throw new IllegalArgumentException("the image size must be a multiple of 4, got " + imageSize);
            if (steps < 2) throw new IllegalArgumentException("diffusion needs at least 2 steps, got " + steps);
            if (classes < 0) throw new IllegalArgumentException("classes must be >= 0, got " + classes);
        }

        /** With the attention block (the default). */
        public Config(int width, int imageSize, int steps, int classes) {
            this(width, imageSize, steps, classes, true);
        }

        /** The embedding row of "no label". */
        public int nullClass() {
            return classes;
        }
    }

    public final Config config;
    private final Tensor stepTable;       // [T + 1, w], fixed
    final Linear time1, time2;
    final Embedding label;                // null when unconditional
    final Conv2d in, down0, down1, out;
    final UNetBlock block0, block1, middle, up1, up0;
    final SpatialSelfAttention middleAttention;   // null when the config has no attention
    final GroupNorm outNorm;

    public PixelUNet(Config c, Rng rng) {
        this.config = c;
        int w = c.width(), e = 4 * w;
        stepTable = PositionalEncoding.table(c.steps() + 1, w);
        time1 = add("time1", new Linear(w, e, true, rng));
        time2 = add("time2", new Linear(e, e, true, rng));
        label = c.classes() > 0 ? add("label", new Embedding(c.classes() + 1, e, rng)) : null;
        in = add("in", new Conv2d(1, w, 3, 1, 1, rng));
        block0 = add("block0", new UNetBlock(w, w, e, rng));
        down0 = add("down0", new Conv2d(w, w, 3, 2, 1, rng));
        block1 = add("block1", new UNetBlock(w, 2 * w, e, rng));
        down1 = add("down1", new Conv2d(2 * w, 2 * w, 3, 2, 1, rng));
        middle = add("middle", new UNetBlock(2 * w, 2 * w, e, rng));
        middleAttention = c.attention() ? add("middle_attn", new SpatialSelfAttention(2 * w, rng)) : null;
        up1 = add("up1", new UNetBlock(4 * w, 2 * w, e, rng));
        up0 = add("up0", new UNetBlock(3 * w, w, e, rng));
        outNorm = add("out_norm", new GroupNorm(UNetBlock.groups(w), w));
        out = add("out", new Conv2d(w, 1, 3, 1, 1, rng));
    }

    /** ε̂ [B, 1, S, S] for x_t [B, 1, S, S] at steps t (1-based) and classes (null: unconditional model only). */
    public Tensor forward(Tensor xt, int[] t, int[] classes) {
        if ((classes == null) != (label == null)) {
            throw new IllegalArgumentException(label == null ? "this diffusion model is unconditional: it takes no --label" : "a class-conditional model needs a class per row");
        }
        int s = config.imageSize();
        Tensor e = time2.forward(time1.forward(F.embedding(stepTable, t, t.length)).silu());
        if (label != null) e = e.add(label.forward(classes, classes.length));
        Tensor h0 = block0.forward(in.forward(xt), e);
        Tensor h1 = block1.forward(down0.forward(h0), e);
        Tensor m = middle.forward(down1.forward(h1), e);
        if (middleAttention != null) m = middleAttention.forward(m);
        Tensor u1 = up1.forward(F.cat(1, F.upsampleNearest(m, s / 2, s / 2), h1), e);
        Tensor u0 = up0.forward(F.cat(1, F.upsampleNearest(u1, s, s), h0), e);
        return out.forward(outNorm.forward(u0).silu());
    }
}
