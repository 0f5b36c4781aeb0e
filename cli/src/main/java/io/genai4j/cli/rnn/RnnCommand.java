package io.genai4j.cli.rnn;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code genai rnn train|sample}: character-level recurrent language models (the ladder's RNN rung). */
@Command(name = "rnn", mixinStandardHelpOptions = true,
        description = "Character-level RNN/GRU/LSTM language models on tiny Shakespeare: train (truncated BPTT), score, sample.",
        subcommands = {RnnTrain.class, RnnSample.class})
public final class RnnCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
