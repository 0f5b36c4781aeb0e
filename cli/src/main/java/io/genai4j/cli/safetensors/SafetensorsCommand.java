package io.genai4j.cli.safetensors;

import picocli.CommandLine.Command;

/** {@code genai safetensors ...}: safetensors files. */
@Command(name = "safetensors", mixinStandardHelpOptions = true,
        description = "Work with safetensors files (checkpoints of every lesson).",
        subcommands = {SafetensorsConvert.class})
public final class SafetensorsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
