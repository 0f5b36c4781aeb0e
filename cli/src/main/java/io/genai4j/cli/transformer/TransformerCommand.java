package io.genai4j.cli.transformer;

import io.genai4j.cli.CommandGroup;
import io.genai4j.cli.translate.TranslationEval;
import io.genai4j.cli.translate.TranslationTranslate;
import picocli.CommandLine.Command;

/** {@code genai transformer train|translate|eval|attention}: the encoder-decoder Transformer. */
@Command(name = "transformer", mixinStandardHelpOptions = true,
        description = {"The encoder-decoder Transformer of \"Attention Is All You Need\" on English-French pairs.",
                "Data: Tatoeba pairs from www.manythings.org/anki and tatoeba.org (CC BY 2.0)."},
        subcommands = {TransformerTrain.class, TransformerCommand.Translate.class, TransformerCommand.Eval.class, TransformerAttention.class})
public final class TransformerCommand extends CommandGroup {
    @Command(name = "translate", mixinStandardHelpOptions = true, description = "Translate sentences with a trained Transformer checkpoint (beam search).")
    public static final class Translate extends TranslationTranslate {
        @Override
        protected String kind() {
            return "transformer";
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true, description = "Corpus BLEU (sacreBLEU defaults) of a Transformer checkpoint on the held-out test split.")
    public static final class Eval extends TranslationEval {
        @Override
        protected String kind() {
            return "transformer";
        }
    }
}
