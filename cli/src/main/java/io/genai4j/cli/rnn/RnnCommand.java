package io.genai4j.cli.rnn;

import io.genai4j.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code genai rnn train|sample}: character-level recurrent language models (the ladder's RNN rung). */
@Command(name = "rnn", mixinStandardHelpOptions = true,
        description = "Character-level RNN/GRU/LSTM language models on tiny Shakespeare: train (truncated BPTT), score, sample.",
        subcommands = {RnnTrain.class, RnnSample.class})
public final class RnnCommand extends CommandGroup {
}
