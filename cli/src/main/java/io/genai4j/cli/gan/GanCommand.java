package io.genai4j.cli.gan;

import io.genai4j.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code genai gan train|sample|eval}. */
@Command(name = "gan", mixinStandardHelpOptions = true,
        description = "A DCGAN-style generative adversarial network on MNIST digits: train (with a strip of samples as it learns), sample, eval.",
        subcommands = {GanTrain.class, GanSample.class, GanEval.class})
public final class GanCommand extends CommandGroup {
    static final String DEFAULT_MODEL = "runs/gan.safetensors";

}
