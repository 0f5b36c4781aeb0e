package io.genai4j.models.gan;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.ops.F;

/**
 * The GAN objectives with D(x) = σ(logit), each a mean over the batch:
 * <pre>
 *   discriminator:  −log D(x)·r − log(1 − D(x))·(1 − r) − log(1 − D(G(z)))   (r = 1, or 0.9 with
 *                   one-sided label smoothing: only the real target is softened, Salimans et al. 2016)
 *   generator:      −log D(G(z))        (non-saturating: the minimax −log(1 − D(G(z))) has a vanishing
 *                                         gradient exactly when the generator is bad and D is sure)
 * </pre>
 */
public final class GanLosses {
    private GanLosses() {}

    /** The discriminator's loss on real and fake logits [B, 1]; the fakes should be detached from G. */
    public static Tensor discriminator(Tensor realLogits, Tensor fakeLogits, float realTarget) {
        Tensor real = F.binaryCrossEntropyWithLogits(realLogits, Tensor.full(realTarget, realLogits.shape())).mean();
        Tensor fake = F.binaryCrossEntropyWithLogits(fakeLogits, Tensor.full(0f, fakeLogits.shape())).mean();
        return real.add(fake);
    }

    /** The generator's non-saturating loss on the discriminator's logits of its fakes. */
    public static Tensor generator(Tensor fakeLogits) {
        return F.binaryCrossEntropyWithLogits(fakeLogits, Tensor.full(1f, fakeLogits.shape())).mean();
    }
}
