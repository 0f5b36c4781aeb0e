package io.genai4j.llm.chat;

/**
 * A function call the model asked for: {@code arguments} is the JSON object text exactly as the
 * model wrote it (OpenAI's wire format keeps it a string too, so a client sees what was generated).
 */
public record ToolCall(String id, String name, String arguments) {
    public ToolCall {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a tool call needs a function name");
        if (arguments == null || arguments.isBlank()) arguments = "{}";
    }
}
