package io.genai4j.llm;

/**
 * Receives a generation as it happens: the CLI prints the text, a server streams it to its client.
 * {@link #cancelled()} is asked between tokens, so a client that disconnects stops the generation
 * within one token (its session keeps the tokens generated so far).
 */
@FunctionalInterface
public interface GenerationListener {
    /** Text that is final: whole UTF-8 characters, and never part of a stop string. */
    void onText(String text);

    /** A token was generated (its text may still be held back by {@link #onText}). */
    default void onToken(int id) {}

    /** True to stop: generation ends before running the model again, with stop reason {@code cancelled}. */
    default boolean cancelled() {
        return false;
    }

    /** Ignores everything. */
    GenerationListener NONE = text -> {};
}
