package io.genai4j.models.gan;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.BatchNorm2d;
import io.genai4j.engine.nn.Conv2d;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.ops.F;
import io.genai4j.models.generative.ConvConfig;

/**
 * DCGAN's generator with upsample-then-convolve in place of transposed convolutions (which leave
 * checkerboard artefacts, Odena et al. 2016):
 * <pre>
 *   fc z → 2w·s·s, reshape [2w, s, s], BatchNorm, ReLU        (s = side/4, 7 for digits)
 *   nearest ×2 → conv 3×3 2w→w, BatchNorm, ReLU                (14×14)
 *   nearest ×2 → conv 3×3 w→1, tanh                            (28×28 in [−1, 1])
 * </pre>
 * BatchNorm after every hidden layer but not on the output, as in the DCGAN paper.
 */
public final class Generator extends Module {
    private final ConvConfig c;
    final Linear fc;
    final BatchNorm2d bn0, bn1;
    final Conv2d conv1, conv2;

    Generator(ConvConfig c, Rng rng) {
        this.c = c;
        fc = add("fc", new Linear(c.latent(), 2 * c.width() * c.side() * c.side(), true, rng));
        bn0 = add("bn0", new BatchNorm2d(2 * c.width()));
        conv1 = add("conv1", new Conv2d(2 * c.width(), c.width(), 3, 1, 1, rng));
        bn1 = add("bn1", new BatchNorm2d(c.width()));
        conv2 = add("conv2", new Conv2d(c.width(), 1, 3, 1, 1, rng));
    }

    /** z [B, latent] → images [B, 1, H, W] in [−1, 1]. */
    public Tensor forward(Tensor z) {
        int b = z.size(0), s = c.side();
        Tensor x = bn0.forward(fc.forward(z).reshape(b, 2 * c.width(), s, s)).relu();
        x = bn1.forward(conv1.forward(F.upsampleNearest(x, 2 * s, 2 * s))).relu();
        return conv2.forward(F.upsampleNearest(x, 4 * s, 4 * s)).tanh();
    }
}
