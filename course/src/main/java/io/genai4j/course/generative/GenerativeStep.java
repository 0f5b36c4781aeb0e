package io.genai4j.course.generative;

import io.genai4j.course.tour.StepResult;
import io.genai4j.course.tour.TourContext;
import io.genai4j.course.tour.TourStep;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The tour's "other generative models" step: the VAE, the GAN and the latent diffusion model that
 * ship in the jar each draw 20 digits from the tour's seed; the scale's classifier labels them (how
 * many different digits came out is the first sign of mode collapse), and each model's card says
 * how it was trained. The full comparison (FID-MNIST on 1,500 samples) is {@code genai generative compare}.
 */
public final class GenerativeStep extends TourStep {
    static final int SAMPLES = 20;

    public GenerativeStep() {
        super(800, "Other generative models: VAE, GAN, diffusion");
    }

    @Override
    public StepResult run(TourContext ctx) throws Exception {
        var say = ctx.say();
        say.say("Next to language models, three families generate images. A VAE encodes a digit to a Gaussian in a small latent "
                + "space and decodes samples of it; a GAN's generator learns to fool a discriminator; a diffusion model learns to "
                + "remove noise step by step (here in the VAE's latent space). Small ones trained on 8,000 MNIST digits ship with genai4j:");
        say.blank();
        ShippedSamplers samplers = ShippedSamplers.load();
        long seed = ctx.seed();
        Map<String, Object> figures = new LinkedHashMap<>();
        StringBuilder headline = new StringBuilder();
        for (ShippedSamplers.Family family : ShippedSamplers.Family.values()) {
            if (!headline.isEmpty()) headline.append(", ");
            headline.append(draw(ctx, samplers, family, "generative-" + family.id + ".png", figures, samplers.sample(family, SAMPLES, seed)));
        }
        say.blank();
        say.say("Measure them on one scale (Fréchet distance on a classifier's features, confidence, label histogram): genai generative compare.");
        return new StepResult("different digits among " + SAMPLES + " samples: " + headline, figures);
    }

    private static String draw(TourContext ctx, ShippedSamplers samplers, ShippedSamplers.Family family, String png, Map<String, Object> figures,
                               float[][] images) throws java.io.IOException {
        String name = family.title;
        int[] labels = samplers.labels(images);
        String[] captions = Arrays.stream(labels).mapToObj(String::valueOf).toArray(String[]::new);
        Path p = GenerativeGrids.samples(ctx.picture(png), name + ": " + SAMPLES + " samples and the classifier's labels", images, captions, 28, 10);
        ctx.wrote(p);
        int distinct = (int) Arrays.stream(labels).distinct().count();
        Map<String, Object> card = ShippedSamplers.card(family);
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
