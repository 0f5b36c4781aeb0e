package io.genai4j.llm.chat;

/**
 * A prompt that leaves no room in a session's context: a user error (a server answers 400 naming
 * the field that holds the prompt), not a bug.
 */
public final class PromptTooLongException extends IllegalArgumentException {
    private final int tokens, context;

    /** @param modelsOwn true when the context is the model's own length, false when a server set a smaller one per session */
    public PromptTooLongException(int tokens, int context, boolean modelsOwn) {
        super("the prompt is " + tokens + " tokens, more than " + (modelsOwn ? "the model's context of " + context + " tokens" : "the context of " + context + " tokens per session")
                + "; shorten it or start a new one");
        this.tokens = tokens;
        this.context = context;
    }

    public int tokens() {
        return tokens;
    }

    public int context() {
        return context;
    }
}
