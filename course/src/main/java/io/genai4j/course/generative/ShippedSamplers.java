package io.genai4j.course.generative;

import io.genai4j.engine.Rng;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.models.diffusion.LatentDiffusion;
import io.genai4j.models.gan.Gan;
import io.genai4j.models.generative.DigitScale;
import io.genai4j.models.generative.shipped.ShippedModels;
import io.genai4j.models.vae.ConvVae;
import io.genai4j.models.vae.VaeImages;
import io.genai4j.models.vision.VisionModel;
import java.io.IOException;
import java.util.Map;

/**
 * The generative models that ship in the jar, loaded once, each drawing digits (float[28·28] in
 * [0, 1]) from a seed; the scale's classifier labels them. The tour's step and the studio's grids
 * draw from here, so both show the same samples for the same seed.
 */
public final class ShippedSamplers {
    /** The families: a short id, the name the lessons show, and the shipped file that carries their card. */
    public enum Family {
        VAE("vae", "VAE", "vae.safetensors"),
        GAN("gan", "GAN", "gan.safetensors"),
        DIFFUSION("diffusion", "latent diffusion", "latent-diffusion.safetensors");

        public final String id;
        public final String title;
        public final String file;

        Family(String id, String title, String file) {
            this.id = id;
            this.title = title;
            this.file = file;
        }
    }

    /** DDIM steps of a latent diffusion sample, as the tour draws them. */
    public static final int DIFFUSION_STEPS = 25;

    private final VisionModel classifier;
    private final ConvVae vae;
    private final Gan gan;
    private final LatentDiffusion diffusion;

    private ShippedSamplers(VisionModel classifier, ConvVae vae, Gan gan, LatentDiffusion diffusion) {
        this.classifier = classifier;
        this.vae = vae;
        this.gan = gan;
        this.diffusion = diffusion;
    }

    public static ShippedSamplers load() throws IOException {
        return new ShippedSamplers(ShippedModels.scaleClassifier().model(), ShippedModels.vae(), ShippedModels.gan(), ShippedModels.latentDiffusion());
    }

    /** {@code n} digits of one family from {@code seed}: the VAE from its prior, the GAN from noise, diffusion by DDIM in the VAE's latents. */
    public float[][] sample(Family family, int n, long seed) {
        return switch (family) {
            case VAE -> VaeImages.prior(vae, n, new Rng(seed));
            case GAN -> gan.sample(n, new Rng(seed));
            case DIFFUSION -> {
                try (Grad g = Grad.off()) {
                    yield VaeImages.rows(vae.decodeProbabilities(diffusion.sample(n, "ddim", DIFFUSION_STEPS, new Rng(seed))));
                }
            }
        };
    }

    /** The digit the scale's classifier reads in each image. */
    public int[] labels(float[][] images) {
        return DigitScale.labels(classifier, images);
    }

    /** How the family's shipped model was trained: its file's "train" metadata. */
    public static Map<String, Object> card(Family family) throws IOException {
        return ShippedModels.card(family.file);
    }
}
