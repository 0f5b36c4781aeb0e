package io.genai4j.models.vae;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Conv2d;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.ops.F;
import io.genai4j.models.generative.ConvConfig;

/**
 * From a latent vector to pixel logits, with upsample-then-convolve instead of transposed
 * convolutions (which leave checkerboard artefacts, Odena et al. 2016):
 * <pre>
 *   fc z → 2w·s·s, ReLU, reshape [2w, s, s]          (s = side/4, 7 for digits)
 *   nearest ×2 → conv 3×3 2w→w, ReLU                  (14×14)
 *   nearest ×2 → conv 3×3 w→1                         (28×28 logits)
 * </pre>
 */
public final class UpsampleDecoder extends io.genai4j.engine.nn.Module {
    private final ConvConfig c;
    final Linear fc;
    final Conv2d conv1, conv2;

    public UpsampleDecoder(ConvConfig c, Rng rng) {
        this.c = c;
        fc = add("fc", new Linear(c.latent(), 2 * c.width() * c.side() * c.side(), true, rng));
        conv1 = add("conv1", new Conv2d(2 * c.width(), c.width(), 3, 1, 1, rng));
        conv2 = add("conv2", new Conv2d(c.width(), 1, 3, 1, 1, rng));
    }

    /** z [B, latent] → logits [B, 1, H, W]. */
    public Tensor forward(Tensor z) {
        int b = z.size(0), s = c.side();
        Tensor x = fc.forward(z).relu().reshape(b, 2 * c.width(), s, s);
        x = conv1.forward(F.upsampleNearest(x, 2 * s, 2 * s)).relu();
        return conv2.forward(F.upsampleNearest(x, 4 * s, 4 * s));
    }
}
