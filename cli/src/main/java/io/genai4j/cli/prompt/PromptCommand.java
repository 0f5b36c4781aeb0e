package io.genai4j.cli.prompt;

import io.genai4j.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code genai prompt ...}: prompting techniques measured on a local or remote chat model. */
@Command(name = "prompt", mixinStandardHelpOptions = true,
        description = {"Prompting, measured: SST-2 sentiment by zero-shot and k-shot prompts (fixed, random or nearest demonstrations),",
                "and generated arithmetic word problems asked directly, with chain-of-thought, or by self-consistency voting."},
        subcommands = {PromptSst2.class, PromptArithmetic.class})
public final class PromptCommand extends CommandGroup {
}
