package io.genai4j.cli.assistant;

import io.genai4j.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code genai assistant train|eval|data}: the tiny tool-calling assistant trained here. */
@Command(name = "assistant", mixinStandardHelpOptions = true,
        description = "A tiny Llama-architecture chat model that calls tools: train it on synthetic conversations, measure it.",
        subcommands = {AssistantTrain.class, AssistantEvalCommand.class, AssistantDataCommand.class})
public final class AssistantCommand extends CommandGroup {
}
