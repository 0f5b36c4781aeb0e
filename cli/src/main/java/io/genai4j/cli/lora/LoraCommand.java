package io.genai4j.cli.lora;

import io.genai4j.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code genai lora}: fine-tuning with low-rank adapters. */
@Command(name = "lora", mixinStandardHelpOptions = true,
        description = "LoRA: train an adapter on a frozen base (the shipped GPT, a GGUF or Hugging Face model), merge it, evaluate it.",
        subcommands = {LoraTrain.class, LoraMerge.class, LoraEval.class, LoraCompare.class})
public final class LoraCommand extends CommandGroup {
}
