package io.genai4j.cli.gan;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code genai gan train|sample|eval}. */
@Command(name = "gan", mixinStandardHelpOptions = true,
        description = "A DCGAN-style generative adversarial network on MNIST digits: train (with a strip of samples as it learns), sample, eval.",
        subcommands = {GanTrain.class, GanSample.class, GanEval.class})
public final class GanCommand implements Runnable {
    static final String DEFAULT_MODEL = "runs/gan.safetensors";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
