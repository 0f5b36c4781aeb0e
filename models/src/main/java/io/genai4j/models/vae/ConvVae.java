package io.genai4j.models.vae;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Conv2d;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.Module;
import io.genai4j.models.generative.ConvConfig;

/**
 * A convolutional VAE:
 * <pre>
 *   encoder: conv 3×3 stride 2, 1→w, ReLU (28→14); conv 3×3 stride 2, w→2w, ReLU (14→7);
 *            fc 2w·7·7 → 2·latent, split into μ and log σ²
 *   z = μ + exp(½·log σ²) ⊙ ε,  ε ~ N(0, I)          (reparameterization: the noise is an input,
 *                                                       so gradients flow to μ and σ)
 *   decoder: {@link UpsampleDecoder}, Bernoulli logits per pixel
 * </pre>
 */
public final class ConvVae extends Module {
    /** q(z|x) of a batch: μ and log σ², each [B, latent]. */
    public record Posterior(Tensor mu, Tensor logVar) {}

    /** One pass: the posterior, the sampled z and the decoder's logits. */
    public record Pass(Posterior posterior, Tensor z, Tensor logits) {}

    public final ConvConfig config;
    public final Encoder encoder;
    public final UpsampleDecoder decoder;

    /** Two stride-2 convolutions and a linear head to [μ, log σ²]. */
    public static final class Encoder extends Module {
        final Conv2d conv1, conv2;
        final Linear head;

        Encoder(ConvConfig c, Rng rng) {
            conv1 = add("conv1", new Conv2d(1, c.width(), 3, 2, 1, rng));
            conv2 = add("conv2", new Conv2d(c.width(), 2 * c.width(), 3, 2, 1, rng));
            head = add("head", new Linear(2 * c.width() * c.side() * c.side(), 2 * c.latent(), true, rng));
        }

        Tensor forward(Tensor images) {
            Tensor h = conv2.forward(conv1.forward(images).relu()).relu();
            return head.forward(h.reshape(h.size(0), h.numel() / h.size(0)));
        }
    }

    public ConvVae(ConvConfig c, Rng rng) {
        this.config = c;
        encoder = add("encoder", new Encoder(c, rng));
        decoder = add("decoder", new UpsampleDecoder(c, rng));
    }

    /** q(z|x) for images [B, 1, H, W] with pixels in [0, 1]. */
    public Posterior encode(Tensor images) {
        Tensor h = encoder.forward(images);
        int l = config.latent();
        return new Posterior(h.narrow(1, 0, l), h.narrow(1, l, l));
    }

    /** z = μ + σ ⊙ ε with ε drawn from rng. */
    public static Tensor reparameterize(Posterior q, Rng rng) {
        Tensor eps = Tensor.randn(rng, q.mu().shape());
        return q.mu().add(q.logVar().mul(0.5f).exp().mul(eps));
    }

    /** Encode, sample z, decode. */
    public Pass forward(Tensor images, Rng rng) {
        Posterior q = encode(images);
        Tensor z = reparameterize(q, rng);
        return new Pass(q, z, decoder.forward(z));
    }

    /** Pixel probabilities σ(logits) of the decoded z [B, latent]. */
    public Tensor decodeProbabilities(Tensor z) {
        return decoder.forward(z).sigmoid();
    }
}
