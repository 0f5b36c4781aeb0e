package io.genai4j.cli.lora;

import picocli.CommandLine.Command;

/** {@code genai lora}: fine-tuning with low-rank adapters. */
@Command(name = "lora", mixinStandardHelpOptions = true,
        description = "LoRA: train an adapter on a frozen base (the shipped GPT, a GGUF or Hugging Face model), merge it, evaluate it.",
        subcommands = {LoraTrain.class, LoraMerge.class, LoraEval.class, LoraCompare.class})
public final class LoraCommand implements Runnable {
    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }
}
