package io.genai4j.cli.safetensors;

import io.genai4j.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code genai safetensors ...}: safetensors files. */
@Command(name = "safetensors", mixinStandardHelpOptions = true,
        description = "Work with safetensors files (checkpoints of every lesson).",
        subcommands = {SafetensorsConvert.class})
public final class SafetensorsCommand extends CommandGroup {
}
