package io.genai4j.cli.gguf;

import picocli.CommandLine.Command;

/** {@code genai gguf ...}: GGUF files. */
@Command(name = "gguf", mixinStandardHelpOptions = true,
        description = "Make GGUF files (random benchmark models).",
        subcommands = {GgufRandom.class})
public final class GgufCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
