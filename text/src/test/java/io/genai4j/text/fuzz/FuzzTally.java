package io.genai4j.text.fuzz;

import java.util.function.Predicate;

/**
 * Counts a fuzz run's outcomes. Each input must be either accepted (the parser returns and the
 * result can be used) or rejected with an exception the parser documents for bad input (an
 * {@link IllegalArgumentException} or an {@link java.io.IOException} naming what is wrong); any other
 * throwable (ClassCastException, index out of bounds, OutOfMemoryError...) is a hardening bug and
 * is rethrown with the mutation that caused it, so a failure names its input.
 */
public final class FuzzTally {
    /** The last line a fuzz main prints; {@link ChildJvm.Result} reads the counts back from it. */
    public static final String SUMMARY = "fuzz summary: accepted=%d rejected=%d";

    /** One fuzz input: parse it and use the result; throw for a rejected input. */
    @FunctionalInterface
    public interface Attempt {
        void run() throws Exception;
    }

    private final Predicate<Throwable> isRejection;
    private long accepted;
    private long rejected;

    public FuzzTally(Predicate<Throwable> isRejection) {
        this.isRejection = isRejection;
    }

    /** The usual rule: IllegalArgumentException or IOException with a non-blank message. */
    public static FuzzTally userErrors() {
        return new FuzzTally(t -> (t instanceof IllegalArgumentException || t instanceof java.io.IOException)
                && t.getMessage() != null && !t.getMessage().isBlank());
    }

    public void attempt(String how, Attempt a) {
        try {
            a.run();
            accepted++;
        } catch (Throwable t) {
            if (!isRejection.test(t)) throw new AssertionError("not a clean rejection (" + how + "): " + t, t);
            rejected++;
        }
    }

    public long accepted() {
        return accepted;
    }

    public long rejected() {
        return rejected;
    }

    public String summary() {
        return String.format(SUMMARY, accepted, rejected);
    }
}
