package io.genai4j.llm.chat;

import io.genai4j.llm.GenerationListener;
import io.genai4j.llm.TokenLogprob;

/**
 * Receives a chat answer as it is generated: text deltas, and tool calls as they are recognised
 * (a server streams both to its client). {@link #cancelled()} is asked between tokens.
 */
public interface ChatListener {
    /** Answer text that is final (never part of a tool call or of a stop string). */
    default void onText(String text) {}

    /**
     * A piece of tool call {@code index}: the first piece of a call carries its id and name, later
     * pieces only a fragment of its JSON arguments ({@code id} and {@code name} null).
     */
    default void onToolCall(int index, String id, String name, String argumentsFragment) {}

    /** As {@link GenerationListener#topLogprobs()}: alternatives per token to report, or -1 for no log-probabilities. */
    default int topLogprobs() {
        return -1;
    }

    /** Each generated token's log-probability, as {@link GenerationListener#onLogprob} (tool-call tokens too). */
    default void onLogprob(TokenLogprob logprob) {}

    /** True to stop: generation ends within one token with finish reason {@code cancelled}. */
    default boolean cancelled() {
        return false;
    }

    ChatListener NONE = new ChatListener() {};
}
