package io.genai4j.cli;

import picocli.CommandLine.Option;

/**
 * {@code --seed N}: the one random seed of a run (initialisation, batches, samples). Each command
 * gives its own default, e.g. {@code @Mixin SeedOption seed = new SeedOption(1337);} (nanoGPT's);
 * picocli keeps that initial value as the default and shows it in the help.
 */
public final class SeedOption {
    @Option(names = "--seed", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    public SeedOption(long defaultSeed) {
        this.seed = defaultSeed;
    }

    public long value() {
        return seed;
    }
}
