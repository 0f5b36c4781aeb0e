package io.genai4j.cli.generative;

import io.genai4j.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code genai generative compare}. */
@Command(name = "generative", mixinStandardHelpOptions = true,
        description = "The generative models of digits (VAE, GAN, latent and pixel diffusion) on one scale.",
        subcommands = {GenerativeCompare.class})
public final class GenerativeCommand extends CommandGroup {
}
