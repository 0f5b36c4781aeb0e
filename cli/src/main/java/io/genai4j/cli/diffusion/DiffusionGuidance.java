package io.genai4j.cli.diffusion;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.SeedOption;
import io.genai4j.cli.generative.MnistOption;
import io.genai4j.course.generative.GenerativeGrids;
import io.genai4j.engine.Rng;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.diffusion.PixelDiffusion;
import io.genai4j.models.generative.DigitScale;
import io.genai4j.models.generative.shipped.ScaleClassifier;
import io.genai4j.models.train.CpuClock;
import io.genai4j.models.vae.VaeImages;
import io.genai4j.models.vision.Mnist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai diffusion guidance}: what the guidance weight w does to a class-conditional pixel model, on the generative scale. */
@Command(name = "guidance", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"For each guidance weight w: n samples of a class-conditional pixel model asking for the digits 0-9 in turn;",
                "the scale LeNet's accuracy on the requested digit, its confidence, FID-MNIST against the test digits (the scale of",
                "`genai generative compare`), and a grid per weight (one column per digit, captioned with the LeNet's label)."})
public final class DiffusionGuidance implements Callable<Integer> {
    @Option(names = "--model", defaultValue = DiffusionCommand.DEFAULT_PIXEL_MODEL, description = "Class-conditional pixel model (default: ${DEFAULT-VALUE}).") Path model;
    @Option(names = "--weights", defaultValue = "0,1,3", split = ",", description = "Guidance weights (default ${DEFAULT-VALUE}).") List<Double> weights;
    @Option(names = "--sampler", defaultValue = "ddim", description = "ddpm or ddim (default ${DEFAULT-VALUE}).") String sampler;
    @Option(names = "--steps", defaultValue = "50", description = "DDIM steps (default ${DEFAULT-VALUE}).") int steps;
    @Option(names = "--n", defaultValue = "200", description = "Samples per weight (default ${DEFAULT-VALUE}).") int n;
    @Option(names = "--classifier", paramLabel = "FILE", description = "LeNet checkpoint of the scale (default: the shipped one).") Path classifier;
    @Mixin MnistOption data;
    @Mixin SeedOption seed = new SeedOption(1);
    @Option(names = "--out-dir", defaultValue = "runs", description = "Folder for the grids guidance-w<W>.png (default: ${DEFAULT-VALUE}).") Path outDir;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        if (n < 2) throw new IllegalArgumentException("--n must be >= 2 (a covariance needs two samples), got " + n);
        PixelDiffusion pd = PixelDiffusion.load(model);
        if (!pd.conditional()) throw new IllegalArgumentException(model + " is an unconditional model: guidance needs one trained with labels");
        DigitScale scale = new DigitScale(ScaleClassifier.model(classifier), data.split().test());
        Files.createDirectories(outDir);
        int[] asked = pd.labelsInTurn(n);
        System.out.printf(Locale.ROOT, "%d samples per weight (digits 0-9 in turn) against %d test digits%n", n, scale.references());
        System.out.printf(Locale.ROOT, "%6s %9s %10s %9s %10s%n", "w", "accuracy", "confidence", "FID-MNIST", "CPU ms/img");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (double w : weights) {
            long c0 = CpuClock.processNanos();
            float[][] images = VaeImages.rows(pd.sample(n, asked, w, sampler, steps, new Rng(seed.value())));
            double ms = (CpuClock.processNanos() - c0) / 1e6 / n;
            int[] seen = scale.labels(images);
            int right = 0;
            for (int i = 0; i < n; i++) if (seen[i] == asked[i]) right++;
            DigitScale.Score s = scale.score(images);
            double accuracy = right / (double) n;
            System.out.printf(Locale.ROOT, "%6.2f %9.3f %10.3f %9.2f %10.1f%n", w, accuracy, s.confidence(), s.frechet(), ms);
            float[][] shown = Arrays.copyOf(images, Math.min(50, n));
            String[] captions = Arrays.stream(Arrays.copyOf(seen, shown.length)).mapToObj(String::valueOf).toArray(String[]::new);
            Path png = GenerativeGrids.samples(outDir.resolve(String.format(Locale.ROOT, "guidance-w%s.png", Rounding.places(w, 2))),
                    "Pixel diffusion, guidance w = " + w + ": columns ask for 0-9; captions are the scale's labels", shown, captions, pd.unet.config.imageSize(), 10);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("guidance", w);
            row.put("accuracy", Rounding.places(accuracy, 4));
            row.put("confidence", Rounding.places(s.confidence(), 4));
            row.put("fid_mnist", Rounding.places(s.frechet(), 3));
            row.put("label_entropy_bits", Rounding.places(s.entropyBits(), 3));
            row.put("sample_cpu_ms_per_image", Rounding.places(ms, 2));
            row.put("grid", png.toString());
            rows.add(row);
        }
        if (json.on()) new Report().put("samples", n).put("sampler", sampler).put("steps", steps).put("rows", rows).printJson(System.out);
        return 0;
    }
}
