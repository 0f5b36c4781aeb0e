package io.genai4j.bench;

import picocli.CommandLine.Option;

/**
 * {@code --rounds N}: how many rounds a benchmark times its side and its peer's in, alternating the
 * order ({@link Interleaved}). Each command gives its default, e.g.
 * {@code @Mixin RoundsOption rounds = new RoundsOption(4);}.
 */
public final class RoundsOption {
    @Option(names = "--rounds", description = "Rounds per side, alternating A B B A (default ${DEFAULT-VALUE}).")
    int rounds;

    public RoundsOption(int defaultRounds) {
        this.rounds = defaultRounds;
    }

    public int value() {
        return rounds;
    }
}
