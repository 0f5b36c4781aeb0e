package io.genai4j.cli.gan;

import io.genai4j.cli.Report;
import io.genai4j.cli.SeedOption;
import io.genai4j.course.generative.GenerativeGrids;
import io.genai4j.engine.Rng;
import io.genai4j.models.gan.Gan;
import io.genai4j.models.gan.GanFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai gan sample}: a grid of digits generated from fresh noise. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Draw digits from a trained GAN's generator, each from noise z ~ N(0, I).")
public final class GanSample implements Callable<Integer> {
    @Option(names = "--model", defaultValue = GanCommand.DEFAULT_MODEL, description = "Model file (default: ${DEFAULT-VALUE}).") Path model;
    @Option(names = "--n", defaultValue = "40", description = "Images (default ${DEFAULT-VALUE}).") int n;
    @Mixin SeedOption seed = new SeedOption(1);
    @Option(names = "--out-dir", defaultValue = "runs", description = "Folder for gan-samples.png (default: ${DEFAULT-VALUE}).") Path outDir;
    @Option(names = "--json", description = "Also print the file written as one JSON line.") boolean json;

    @Override
    public Integer call() throws Exception {
        if (n < 1) throw new IllegalArgumentException("--n must be >= 1, got " + n);
        Gan gan = GanFile.load(model);
        Files.createDirectories(outDir);
        Path png = GenerativeGrids.samples(outDir.resolve("gan-samples.png"), "GAN: generated from z ~ N(0, I)",
                gan.sample(n, new Rng(seed.value())), null, gan.config.imageSize(), 10);
        System.out.println("Picture: " + png);
        if (json) new Report().put("samples", png.toString()).printJson(System.out);
        return 0;
    }
}
