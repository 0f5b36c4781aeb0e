package io.genai4j.cli.gpt;

import io.genai4j.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code genai gpt train|sample|attention}: the GPT lesson. */
@Command(name = "gpt", mixinStandardHelpOptions = true,
        description = "Decoder-only transformers (nanoGPT's GPT): train on a text, sample from it, look at its attention.",
        subcommands = {GptTrain.class, GptEval.class, GptSample.class, GptAttention.class, GptExport.class})
public final class GptCommand extends CommandGroup {
}
