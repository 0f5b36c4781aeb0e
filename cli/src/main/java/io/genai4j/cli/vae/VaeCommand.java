package io.genai4j.cli.vae;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code genai vae train|sample|eval}. */
@Command(name = "vae", mixinStandardHelpOptions = true,
        description = "A convolutional variational autoencoder on MNIST digits: train, sample (prior, reconstructions, interpolations), eval (ELBO in nats), map (the latent plane of a 2-D VAE).",
        subcommands = {VaeTrain.class, VaeSample.class, VaeEval.class, VaeMap.class})
public final class VaeCommand implements Runnable {
    static final String DEFAULT_MODEL = "runs/vae.safetensors";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
