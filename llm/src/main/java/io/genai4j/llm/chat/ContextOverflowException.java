package io.genai4j.llm.chat;

/**
 * A prompt longer than the model's context: the request cannot be answered as it is. A user error
 * (an argument error), and its own type so that an evaluation can count such an item as wrong and
 * go on, without also swallowing every other argument error.
 */
public final class ContextOverflowException extends IllegalArgumentException {
    public ContextOverflowException(String message) {
        super(message);
    }
}
