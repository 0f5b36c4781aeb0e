package io.genai4j.cli.vae;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.generative.MnistOption;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.vae.ConvVae;
import io.genai4j.models.vae.VaeEvaluation;
import io.genai4j.models.vae.VaeFile;
import io.genai4j.models.vision.Images;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai vae eval}: the ELBO of the test digits in nats per image. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The test split's ELBO in nats per image (one z per digit from --seed): reconstruction and KL terms.")
public final class VaeEval implements Callable<Integer> {
    @Option(names = "--model", defaultValue = VaeCommand.DEFAULT_MODEL, description = "Model file (default: ${DEFAULT-VALUE}).") Path model;
    @Mixin MnistOption data;
    @Option(names = "--seed", defaultValue = "1", description = "Seed of the posterior samples (default ${DEFAULT-VALUE}).") long seed;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        ConvVae vae = VaeFile.load(model);
        Images test = data.split().test();
        VaeEvaluation.Score s = VaeEvaluation.score(vae, test, seed);
        System.out.printf(Locale.ROOT, "test (%d digits): -ELBO %.2f nats/image = reconstruction %.2f + KL %.2f (%,d parameters)%n",
                s.images(), s.negativeElbo(), s.reconstruction(), s.kl(), vae.numParameters());
        if (json.on()) {
            new Report().put("images", s.images()).put("negative_elbo", Rounding.places(s.negativeElbo(), 3))
                    .put("reconstruction", Rounding.places(s.reconstruction(), 3)).put("kl", Rounding.places(s.kl(), 3))
                    .put("parameters", vae.numParameters()).printJson(System.out);
        }
        return 0;
    }
}
