package io.genai4j.cli.diffusion;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code genai diffusion train|sample|eval|guidance}. */
@Command(name = "diffusion", mixinStandardHelpOptions = true,
        description = {"Diffusion (DDPM, ε-prediction) on a trained VAE's latents or on the pixels (a U-Net, with classifier-free guidance):",
                "train, sample (DDPM or DDIM), eval, guidance (the LeNet's accuracy and FID per guidance weight)."},
        subcommands = {DiffusionTrain.class, DiffusionSample.class, DiffusionEval.class, DiffusionGuidance.class})
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
