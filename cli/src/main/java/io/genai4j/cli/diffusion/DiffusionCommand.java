package io.genai4j.cli.diffusion;

import io.genai4j.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code genai diffusion train|sample|eval}. */
@Command(name = "diffusion", mixinStandardHelpOptions = true,
        description = "Latent diffusion (DDPM, ε-prediction) on a trained VAE's latents: train, sample (DDPM or DDIM), eval.",
        subcommands = {DiffusionTrain.class, DiffusionSample.class, DiffusionEval.class})
public final class DiffusionCommand extends CommandGroup {
    static final String DEFAULT_MODEL = "runs/latent-diffusion.safetensors";
    static final String DEFAULT_VAE = "runs/vae.safetensors";

}
