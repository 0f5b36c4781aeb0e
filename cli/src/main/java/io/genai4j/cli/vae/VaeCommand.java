package io.genai4j.cli.vae;

import io.genai4j.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code genai vae train|sample|eval}. */
@Command(name = "vae", mixinStandardHelpOptions = true,
        description = "A convolutional variational autoencoder on MNIST digits: train, sample (prior, reconstructions, interpolations), eval (ELBO in nats), map (the latent plane of a 2-D VAE).",
        subcommands = {VaeTrain.class, VaeSample.class, VaeEval.class, VaeMap.class})
public final class VaeCommand extends CommandGroup {
    static final String DEFAULT_MODEL = "runs/vae.safetensors";

}
