package io.genai4j.cli.generative;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.SeedOption;
import io.genai4j.course.generative.GenerativeGrids;
import io.genai4j.engine.Rng;
import io.genai4j.models.generative.DigitScale;
import io.genai4j.models.generative.shipped.ScaleClassifier;
import io.genai4j.models.vision.Images;
import io.genai4j.models.vision.Mnist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai generative compare}: the table of the issue, one row per model, one grid each. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure trained generative models on one scale: n samples each against the 1,500 test digits,",
                "FID-MNIST (Fréchet distance on the scale LeNet's penultimate features), the classifier's confidence,",
                "the entropy of its label histogram, training CPU time, parameters used to sample, sampling CPU time per image;",
                "and a grid of samples per model captioned with the classifier's labels. A row of real training digits is the floor."})
public final class GenerativeCompare implements Callable<Integer> {
    @Option(names = "--models", defaultValue = "vae,gan,diffusion", split = ",", description = "Which rows: vae, gan, diffusion, pixel (default ${DEFAULT-VALUE}).") List<String> models;
    @Option(names = "--vae", defaultValue = "runs/vae.safetensors", description = "VAE file (default: ${DEFAULT-VALUE}).") Path vae;
    @Option(names = "--gan", defaultValue = "runs/gan.safetensors", description = "GAN file (default: ${DEFAULT-VALUE}).") Path gan;
    @Option(names = "--diffusion", defaultValue = "runs/latent-diffusion.safetensors", description = "Latent diffusion file, decoded by --vae (default: ${DEFAULT-VALUE}).") Path diffusion;
    @Option(names = "--pixel", defaultValue = "runs/pixel-diffusion.safetensors", description = "Pixel diffusion file (default: ${DEFAULT-VALUE}).") Path pixel;
    @Option(names = "--guidance", defaultValue = "0", description = "Guidance weight of a class-conditional pixel model (default ${DEFAULT-VALUE}).") double guidance;
    @Option(names = "--sampler", defaultValue = "ddim", description = "Diffusion sampler, ddpm or ddim (default ${DEFAULT-VALUE}).") String sampler;
    @Option(names = "--steps", defaultValue = "50", description = "DDIM steps (default ${DEFAULT-VALUE}).") int steps;
    @Option(names = "--classifier", paramLabel = "FILE", description = "LeNet checkpoint of the scale (default: the shipped one).") Path classifier;
    @Mixin MnistOption data;
    @Option(names = "--n", defaultValue = "1500", description = "Samples per model (default ${DEFAULT-VALUE}).") int n;
    @Mixin SeedOption seed = new SeedOption(1);
    @Option(names = "--out-dir", defaultValue = "runs", description = "Folder for the grids compare-<model>.png (default: ${DEFAULT-VALUE}).") Path outDir;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        if (n < 2) throw new IllegalArgumentException("--n must be >= 2 (a covariance needs two samples), got " + n);
        for (String m : models) {
            if (!List.of("vae", "gan", "diffusion", "pixel").contains(m)) throw new IllegalArgumentException("--models: unknown model " + io.genai4j.engine.util.Printable.of(m) + " (vae, gan, diffusion, pixel)");
        }
        Mnist.Split split = data.split();
        DigitScale scale = new DigitScale(ScaleClassifier.model(classifier), split.test());
        List<ScaleRow> rows = new ArrayList<>();
        Images real = split.train().range(0, Math.min(n, split.train().size()));
        rows.add(ScaleRow.measure("real (training digits)", scale, real.size(), k -> pixels(real), Double.NaN, -1));
        for (String m : models) {
            rows.add(switch (m) {
                case "vae" -> ScaleModels.vae(vae, scale, n, seed.value());
                case "gan" -> ScaleModels.gan(gan, scale, n, seed.value());
                case "pixel" -> ScaleModels.pixelDiffusion(pixel, sampler, steps, guidance, scale, n, seed.value());
                default -> ScaleModels.latentDiffusion(diffusion, vae, sampler, steps, scale, n, seed.value());
            });
        }
        Files.createDirectories(outDir);
        System.out.printf(Locale.ROOT, "%d samples per model against %d test digits%n", n, scale.references());
        System.out.println(ScaleRow.header());
        Report rep = new Report().put("samples", n).put("references", scale.references());
        List<Map<String, Object>> table = new ArrayList<>();
        for (ScaleRow r : rows) {
            System.out.println(r.line());
            Map<String, Object> row = r.toMap();
            if (!r.model().startsWith("real")) {
                float[][] shown = Arrays.copyOf(r.samples(), Math.min(40, r.samples().length));
                String[] captions = Arrays.stream(scale.labels(shown)).mapToObj(String::valueOf).toArray(String[]::new);
                String slug = r.model().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
                Path png = GenerativeGrids.samples(outDir.resolve("compare-" + slug + ".png"), r.model() + ": samples and the scale's labels", shown, captions, 28, 10);
                row.put("grid", png.toString());
            }
            table.add(row);
        }
        System.out.println("Grids in " + outDir.toAbsolutePath());
        if (json.on()) rep.put("rows", table).printJson(System.out);
        return 0;
    }

    private static float[][] pixels(Images images) {
        float[][] out = new float[images.size()][];
        for (int i = 0; i < out.length; i++) out[i] = images.image(i);
        return out;
    }
}
