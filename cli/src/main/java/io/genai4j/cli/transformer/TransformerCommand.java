package io.genai4j.cli.transformer;

import io.genai4j.cli.CommandGroup;
import io.genai4j.cli.translate.TranslationEval;
import io.genai4j.cli.translate.TranslationTranslate;
import picocli.CommandLine.Command;

/** {@code genai transformer train|translate|eval|attention}: the encoder-decoder Transformer. */
@Command(name = "transformer", mixinStandardHelpOptions = true,
        description = {"The encoder-decoder Transformer of \"Attention Is All You Need\" on English-French pairs.",
                "Data: Tatoeba pairs from www.manythings.org/anki and tatoeba.org (CC BY 2.0)."},
        subcommands = {TransformerTrain.class, TranslationTranslate.class, TranslationEval.class, TransformerAttention.class})
public final class TransformerCommand extends CommandGroup {
}
