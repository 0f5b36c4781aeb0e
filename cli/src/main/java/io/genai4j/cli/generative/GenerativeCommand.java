package io.genai4j.cli.generative;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code genai generative compare}. */
@Command(name = "generative", mixinStandardHelpOptions = true,
        description = "The generative models of digits (VAE, GAN, latent and pixel diffusion) on one scale.",
        subcommands = {GenerativeCompare.class})
public final class GenerativeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
