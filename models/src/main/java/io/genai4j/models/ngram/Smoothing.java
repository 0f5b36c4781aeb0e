package io.genai4j.models.ngram;

import java.util.Locale;

/** The smoothings the CLI offers, by the names users type. */
public enum Smoothing {
    KN("kn"), ADDK("addk"), BACKOFF("backoff");

    public final String cliName;

    Smoothing(String cliName) {
        this.cliName = cliName;
    }

    public static Smoothing parse(String s) {
        for (Smoothing v : values()) if (v.cliName.equals(s.toLowerCase(Locale.ROOT))) return v;
        throw new IllegalArgumentException("unknown smoothing '" + s + "': use kn, addk or backoff");
    }

    /** Parameters a smoothing may need: add-k's k, stupid backoff's alpha. */
    public record Params(double k, double alpha) {
        public static final Params DEFAULT = new Params(0.1, StupidBackoff.DEFAULT_ALPHA);
    }

    public LanguageModel build(NgramCounts counts, int order, Params p) {
        return switch (this) {
            case KN -> new KneserNey(counts, order);
            case ADDK -> new AddK(counts, order, p.k());
            case BACKOFF -> new StupidBackoff(counts, order, p.alpha());
        };
    }
}
