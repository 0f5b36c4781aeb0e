package io.genai4j.course.generative;

import io.genai4j.course.tour.StepResult;
import io.genai4j.course.tour.TourContext;
import io.genai4j.course.tour.TourStep;
import io.genai4j.engine.Rng;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.models.diffusion.LatentDiffusion;
import io.genai4j.models.gan.Gan;
import io.genai4j.models.generative.DigitScale;
import io.genai4j.models.generative.shipped.ShippedModels;
import io.genai4j.models.vae.ConvVae;
import io.genai4j.models.vae.VaeImages;
import io.genai4j.models.vision.VisionModel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The tour's "other generative models" step: the VAE, the GAN and the latent diffusion model that
 * ship in the jar each draw 20 digits from the tour's seed; the scale's classifier labels them (how
 * many different digits came out is the first sign of mode collapse), and each model's card says
 * how it was trained. The full comparison (FID-MNIST on 1,500 samples) is {@code genai generative compare}.
 */
public final class GenerativeStep implements TourStep {
    static final int SAMPLES = 20;

    @Override
    public int position() {
        return 800;
    }

    @Override
    public String title() {
        return "Other generative models: VAE, GAN, diffusion";
    }

    @Override
    public StepResult run(TourContext ctx) throws Exception {
        var say = ctx.say();
        say.say("Next to language models, three families generate images. A VAE encodes a digit to a Gaussian in a small latent "
                + "space and decodes samples of it; a GAN's generator learns to fool a discriminator; a diffusion model learns to "
                + "remove noise step by step (here in the VAE's latent space). Small ones trained on 8,000 MNIST digits ship with genai4j:");
        say.blank();
        VisionModel classifier = ShippedModels.scaleClassifier().model();
        ConvVae vae = ShippedModels.vae();
        Gan gan = ShippedModels.gan();
        LatentDiffusion ld = ShippedModels.latentDiffusion();
        long seed = ctx.seed();
        Map<String, Object> figures = new LinkedHashMap<>();
        StringBuilder headline = new StringBuilder();
        headline.append(draw(ctx, classifier, "VAE", "vae.safetensors", "generative-vae.png", figures, () -> VaeImages.prior(vae, SAMPLES, new Rng(seed))));
        headline.append(", ").append(draw(ctx, classifier, "GAN", "gan.safetensors", "generative-gan.png", figures, () -> gan.sample(SAMPLES, new Rng(seed))));
        headline.append(", ").append(draw(ctx, classifier, "latent diffusion", "latent-diffusion.safetensors", "generative-diffusion.png", figures, () -> {
            try (Grad g = Grad.off()) {
                return VaeImages.rows(vae.decodeProbabilities(ld.sample(SAMPLES, "ddim", 25, new Rng(seed))));
            }
        }));
        say.blank();
        say.say("Measure them on one scale (Fréchet distance on a classifier's features, confidence, label histogram): genai generative compare.");
        return new StepResult("different digits among " + SAMPLES + " samples: " + headline, figures);
    }

    private static String draw(TourContext ctx, VisionModel classifier, String name, String file, String png, Map<String, Object> figures,
                               Supplier<float[][]> sampler) throws java.io.IOException {
        float[][] images = sampler.get();
        int[] labels = DigitScale.labels(classifier, images);
        String[] captions = Arrays.stream(labels).mapToObj(String::valueOf).toArray(String[]::new);
        Path p = GenerativeGrids.samples(ctx.picture(png), name + ": " + SAMPLES + " samples and the classifier's labels", images, captions, 28, 10);
        ctx.wrote(p);
        int distinct = (int) Arrays.stream(labels).distinct().count();
        Map<String, Object> card = ShippedModels.card(file);
        ctx.say().say(String.format(Locale.ROOT, "  %-17s %d different digits among %d samples (trained %s CPU-s, %s steps)", name, distinct, SAMPLES,
                card.getOrDefault("cpu_seconds", "?"), card.getOrDefault("steps", "?")));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("distinct_labels", distinct);
        f.put("labels", labels);
        f.put("train", card);
        figures.put(name, f);
        return name + " " + distinct;
    }
}
