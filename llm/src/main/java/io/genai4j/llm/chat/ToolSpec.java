package io.genai4j.llm.chat;

/**
 * A function the model may call: its name, what it does, and its parameters as a JSON Schema
 * object (text, as OpenAI's {@code tools[].function.parameters} carries it).
 */
public record ToolSpec(String name, String description, String parametersSchema) {
    public ToolSpec {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("a tool name must be 1 to 64 letters, digits, _ or -, got " + (name == null ? "none" : "\"" + name + "\""));
        }
        if (description == null) description = "";
        if (parametersSchema == null || parametersSchema.isBlank()) parametersSchema = "{\"type\":\"object\",\"properties\":{}}";
    }
}
