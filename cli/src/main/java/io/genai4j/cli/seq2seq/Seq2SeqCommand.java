package io.genai4j.cli.seq2seq;

import io.genai4j.cli.CommandGroup;
import io.genai4j.cli.translate.TranslationEval;
import io.genai4j.cli.translate.TranslationTranslate;
import picocli.CommandLine.Command;

/** {@code genai seq2seq train|translate|eval}: the RNN encoder-decoder with attention. */
@Command(name = "seq2seq", mixinStandardHelpOptions = true,
        description = {"RNN encoder-decoder translation (GRU/LSTM, Bahdanau or Luong attention) on English-French pairs.",
                "Data: Tatoeba pairs from www.manythings.org/anki and tatoeba.org (CC BY 2.0)."},
        subcommands = {Seq2SeqTrain.class, TranslationTranslate.class, TranslationEval.class})
public final class Seq2SeqCommand extends CommandGroup {
}
