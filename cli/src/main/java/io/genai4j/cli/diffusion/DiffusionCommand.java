package io.genai4j.cli.diffusion;

import io.genai4j.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code genai diffusion train|sample|eval|guidance}. */
@Command(name = "diffusion", mixinStandardHelpOptions = true,
        description = {"Diffusion (DDPM, ε-prediction) on a trained VAE's latents or on the pixels (a U-Net, with classifier-free guidance):",
                "train, sample (DDPM or DDIM), eval, guidance (the LeNet's accuracy and FID per guidance weight)."},
        subcommands = {DiffusionTrain.class, DiffusionSample.class, DiffusionEval.class, DiffusionGuidance.class})
public final class DiffusionCommand extends CommandGroup {
    static final String DEFAULT_MODEL = "runs/latent-diffusion.safetensors";
    static final String DEFAULT_VAE = "runs/vae.safetensors";
    static final String DEFAULT_PIXEL_MODEL = "runs/pixel-diffusion.safetensors";

}
