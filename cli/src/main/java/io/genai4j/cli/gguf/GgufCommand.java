package io.genai4j.cli.gguf;

import io.genai4j.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code genai gguf ...}: GGUF files. */
@Command(name = "gguf", mixinStandardHelpOptions = true,
        description = "Make GGUF files (random benchmark models).",
        subcommands = {GgufRandom.class})
public final class GgufCommand extends CommandGroup {
}
