package io.genai4j.cli.assistant;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code genai assistant train|eval|data}: the tiny tool-calling assistant trained here. */
@Command(name = "assistant", mixinStandardHelpOptions = true,
        description = "A tiny Llama-architecture chat model that calls tools: train it on synthetic conversations, measure it.",
        subcommands = {AssistantTrain.class, AssistantEvalCommand.class, AssistantDataCommand.class})
public final class AssistantCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
