package io.genai4j.cli.diffusion;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.generative.MnistOption;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.diffusion.DiffusionTrainer;
import io.genai4j.models.diffusion.LatentDiffusion;
import io.genai4j.models.vae.ConvVae;
import io.genai4j.models.vae.VaeFile;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai diffusion eval}: the ε-prediction loss on the test digits' latents. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The ε-prediction loss (mean squared error, t and ε from --seed) on the latents of the test digits.")
public final class DiffusionEval implements Callable<Integer> {
    @Option(names = "--model", defaultValue = DiffusionCommand.DEFAULT_MODEL, description = "Model file (default: ${DEFAULT-VALUE}).") Path model;
    @Option(names = "--vae", defaultValue = DiffusionCommand.DEFAULT_VAE, description = "The VAE it was trained on (default: ${DEFAULT-VALUE}).") Path vaeFile;
    @Mixin MnistOption data;
    @Option(names = "--seed", defaultValue = "1", description = "Seed of t and ε (default ${DEFAULT-VALUE}).") long seed;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        LatentDiffusion ld = LatentDiffusion.load(model);
        ConvVae vae = VaeFile.load(vaeFile);
        var test = data.split().test();
        double loss = DiffusionTrainer.validationLoss(ld, DiffusionTrainer.Data.of(LatentData.latents(vae, test, ld.scale)), seed);
        System.out.printf(Locale.ROOT, "test (%d digits): ε-prediction loss %.4f (1.0 = predicting zero noise)%n", test.size(), loss);
        if (json.on()) new Report().put("images", test.size()).put("loss", Rounding.places(loss, 5)).put("parameters", ld.numParameters()).printJson(System.out);
        return 0;
    }
}
