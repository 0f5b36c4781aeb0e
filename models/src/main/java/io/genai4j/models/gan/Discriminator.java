package io.genai4j.models.gan;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.BatchNorm2d;
import io.genai4j.engine.nn.Conv2d;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.Module;
import io.genai4j.models.generative.ConvConfig;

/**
 * DCGAN's discriminator: strided convolutions instead of pooling, LeakyReLU(0.2) everywhere, and
 * BatchNorm on every layer but the first (normalising the input layer made DCGAN unstable):
 * <pre>
 *   conv 3×3 stride 2, 1→w, LeakyReLU                 (28 → 14)
 *   conv 3×3 stride 2, w→2w, BatchNorm, LeakyReLU     (14 → 7)
 *   fc 2w·s·s → 1: the logit of "real"
 * </pre>
 */
public final class Discriminator extends Module {
    static final float SLOPE = 0.2f;
    final Conv2d conv1, conv2;
    final BatchNorm2d bn2;
    final Linear head;

    Discriminator(ConvConfig c, Rng rng) {
        conv1 = add("conv1", new Conv2d(1, c.width(), 3, 2, 1, rng));
        conv2 = add("conv2", new Conv2d(c.width(), 2 * c.width(), 3, 2, 1, rng));
        bn2 = add("bn2", new BatchNorm2d(2 * c.width()));
        head = add("head", new Linear(2 * c.width() * c.side() * c.side(), 1, true, rng));
    }

    /** images [B, 1, H, W] in [−1, 1] → logits [B, 1]. */
    public Tensor forward(Tensor images) {
        Tensor h = conv1.forward(images).leakyRelu(SLOPE);
        h = bn2.forward(conv2.forward(h)).leakyRelu(SLOPE);
        return head.forward(h.reshape(h.size(0), h.numel() / h.size(0)));
    }
}
