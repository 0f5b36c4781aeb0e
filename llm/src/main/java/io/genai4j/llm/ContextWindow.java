package io.genai4j.llm;

/**
 * What generation does when the text outgrows the model's context length.
 */
public enum ContextWindow {
    /** Refuse a generation whose prompt plus new tokens would not fit (chat models: nothing is silently forgotten). */
    FIXED,
    /**
     * Keep the newest context-length tokens (nanoGPT's crop, {@code idx[:, -block_size:]}): once the
     * text is longer than the context, every step runs the window again, because the absolute
     * positions of the tokens in it have shifted and the cached keys no longer match.
     */
    SLIDING
}
