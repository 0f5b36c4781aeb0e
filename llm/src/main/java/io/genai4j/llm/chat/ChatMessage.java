package io.genai4j.llm.chat;

import java.util.List;

/**
 * One message of a conversation, as the Chat Completions API and Hugging Face chat templates see
 * it: a role ({@code system}, {@code user}, {@code assistant}, {@code tool}), its text, the tool
 * calls of an assistant turn, and for a {@code tool} message the id and name of the call it answers.
 */
public record ChatMessage(String role, String content, List<ToolCall> toolCalls, String toolCallId, String name) {
    public ChatMessage {
        if (role == null || role.isBlank()) throw new IllegalArgumentException("a message needs a role");
        if (content == null) content = "";
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public static ChatMessage system(String text) {
        return new ChatMessage("system", text, List.of(), null, null);
    }

    public static ChatMessage user(String text) {
        return new ChatMessage("user", text, List.of(), null, null);
    }

    public static ChatMessage assistant(String text) {
        return new ChatMessage("assistant", text, List.of(), null, null);
    }

    public static ChatMessage assistant(String text, List<ToolCall> calls) {
        return new ChatMessage("assistant", text, calls, null, null);
    }

    /** The result of a tool call, fed back to the model. */
    public static ChatMessage tool(ToolCall call, String result) {
        return new ChatMessage("tool", result, List.of(), call.id(), call.name());
    }
}
