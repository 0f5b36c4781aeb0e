package io.genai4j.cli.diffusion;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code genai diffusion train|sample|eval}. */
@Command(name = "diffusion", mixinStandardHelpOptions = true,
        description = "Latent diffusion (DDPM, ε-prediction) on a trained VAE's latents: train, sample (DDPM or DDIM), eval.",
        subcommands = {DiffusionTrain.class, DiffusionSample.class, DiffusionEval.class})
public final class DiffusionCommand implements Runnable {
    static final String DEFAULT_MODEL = "runs/latent-diffusion.safetensors";
    static final String DEFAULT_VAE = "runs/vae.safetensors";
    static final String DEFAULT_PIXEL_MODEL = "runs/pixel-diffusion.safetensors";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
