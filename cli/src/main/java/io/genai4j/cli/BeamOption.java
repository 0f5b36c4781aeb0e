package io.genai4j.cli;

import picocli.CommandLine.Option;

/**
 * {@code --beam N}: the beam width of a decoder's search, 1 for greedy decoding. Each command gives
 * its default, e.g. {@code @Mixin BeamOption beam = new BeamOption(4);}.
 */
public final class BeamOption {
    @Option(names = "--beam", description = "Beam width; 1 = greedy (default ${DEFAULT-VALUE}).")
    int beam;

    public BeamOption(int defaultWidth) {
        this.beam = defaultWidth;
    }

    /** The width; a user error below 1 (commands ask for it before any work). */
    public int width() {
        if (beam < 1) throw new IllegalArgumentException("--beam must be >= 1, got " + beam);
        return beam;
    }

    /** "greedy" or "beam N", as the reports name the search. */
    public String label() {
        return width() == 1 ? "greedy" : "beam " + beam;
    }
}
