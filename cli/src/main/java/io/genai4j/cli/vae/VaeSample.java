package io.genai4j.cli.vae;

import io.genai4j.cli.Report;
import io.genai4j.cli.SeedOption;
import io.genai4j.cli.generative.MnistOption;
import io.genai4j.course.generative.GenerativeGrids;
import io.genai4j.engine.Rng;
import io.genai4j.models.vae.ConvVae;
import io.genai4j.models.vae.VaeFile;
import io.genai4j.models.vae.VaeImages;
import io.genai4j.models.vision.Images;
import io.genai4j.models.vision.Mnist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai vae sample}: three pictures, samples from the prior, test digits beside their reconstructions, interpolation strips. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw digits from a trained VAE: samples decoded from z ~ N(0, I), test digits beside their reconstructions,",
                "and strips decoded along the straight line between two test digits' latent means."})
public final class VaeSample implements Callable<Integer> {
    @Option(names = "--model", defaultValue = VaeCommand.DEFAULT_MODEL, description = "Model file (default: ${DEFAULT-VALUE}).") Path model;
    @Mixin MnistOption data;
    @Option(names = "--n", defaultValue = "40", description = "Samples from the prior (default ${DEFAULT-VALUE}).") int n;
    @Option(names = "--strips", defaultValue = "4", description = "Interpolation strips (default ${DEFAULT-VALUE}).") int strips;
    @Option(names = "--steps", defaultValue = "10", description = "Images per strip (default ${DEFAULT-VALUE}).") int steps;
    @Mixin SeedOption seed = new SeedOption(1);
    @Option(names = "--out-dir", defaultValue = "runs", description = "Folder for vae-samples.png, vae-reconstructions.png, vae-interpolation.png (default: ${DEFAULT-VALUE}).") Path outDir;
    @Option(names = "--json", description = "Also print the files written as one JSON line.") boolean json;

    @Override
    public Integer call() throws Exception {
        if (n < 1 || strips < 1 || steps < 2) throw new IllegalArgumentException("--n and --strips must be >= 1 and --steps >= 2");
        ConvVae vae = VaeFile.load(model);
        Files.createDirectories(outDir);
        int side = vae.config.imageSize();
        Path samples = GenerativeGrids.samples(outDir.resolve("vae-samples.png"), "VAE: samples from the prior N(0, I)",
                VaeImages.prior(vae, n, new Rng(seed.value())), null, side, 10);
        Images test = data.split().test();
        Images shown = test.range(0, Math.min(20, test.size()));
        Path recon = GenerativeGrids.reconstructions(outDir.resolve("vae-reconstructions.png"), "VAE: test digits and their reconstructions",
                rows(shown), VaeImages.reconstruct(vae, shown), side, 10);
        List<float[][]> lines = new ArrayList<>();
        int[] order = Mnist.permutation(test.size(), new Rng(seed.value()));
        for (int s = 0; s < strips; s++) lines.add(VaeImages.interpolate(vae, test, order[2 * s], order[2 * s + 1], steps));
        Path interp = GenerativeGrids.strips(outDir.resolve("vae-interpolation.png"), "VAE: decoded along μ_a + t·(μ_b − μ_a)", lines, side);
        System.out.println("Pictures: " + samples + ", " + recon + ", " + interp);
        if (json) new Report().put("samples", samples.toString()).put("reconstructions", recon.toString()).put("interpolation", interp.toString()).printJson(System.out);
        return 0;
    }

    private static float[][] rows(Images images) {
        float[][] out = new float[images.size()][];
        for (int i = 0; i < out.length; i++) out[i] = images.image(i);
        return out;
    }
}
