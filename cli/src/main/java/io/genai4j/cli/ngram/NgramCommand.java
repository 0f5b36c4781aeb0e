package io.genai4j.cli.ngram;

import io.genai4j.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code genai ngram train|generate|next|score|eval}: the n-gram language model lesson. */
@Command(name = "ngram", mixinStandardHelpOptions = true,
        description = {"N-gram language models on words or characters: count, smooth, score, generate.",
                "Without --model, each verb trains on the fly from --corpus (default: bundled tiny Shakespeare)."},
        subcommands = {NgramTrain.class, NgramGenerate.class, NgramNext.class, NgramScore.class, NgramEval.class})
public final class NgramCommand extends CommandGroup {
}
