package io.genai4j.llm.tools;

import java.util.List;

/**
 * How a model writes a tool call, told apart by its chat template's text:
 * <ul>
 *   <li>{@link #HERMES} (Qwen 2.5, Hermes, the tiny assistant): {@code <tool_call>\n{"name": ..., "arguments": {...}}\n</tool_call>}, one per call;</li>
 *   <li>{@link #MISTRAL}: {@code [TOOL_CALLS][{"name": ..., "arguments": {...}}, ...]} — {@code [TOOL_CALLS]} is a control token a
 *       decoder may not print, so an answer that starts with {@code [} is read as the list too;</li>
 *   <li>{@link #LLAMA31} (Llama 3.1 / 3.2 JSON tool calling): an answer that is {@code {"name": ..., "parameters": {...}}},
 *       optionally after {@code <|python_tag|>}, several separated by {@code ;};</li>
 *   <li>{@link #GENERIC}: for templates that do not render tools; the tools go into a system message
 *       ({@link GenericToolPrompt}) asking for {@code {"name": ..., "arguments": {...}}} as the whole answer.</li>
 * </ul>
 */
public enum ToolCallFormat {
    HERMES(List.of("<tool_call>"), "</tool_call>", false, false, "arguments"),
    MISTRAL(List.of("[TOOL_CALLS]"), null, true, true, "arguments"),
    LLAMA31(List.of("<|python_tag|>"), null, true, false, "parameters"),
    GENERIC(List.of(), null, true, false, "arguments");

    /** Texts after which calls follow. */
    final List<String> starts;
    /** Text that closes each call (null: none). */
    final String end;
    /** Whether an answer whose first visible character opens JSON is read as calls. */
    final boolean jsonAtStart;
    /** Whether the calls are a JSON array. */
    final boolean array;
    /** The key the format writes arguments under (both {@code arguments} and {@code parameters} are read). */
    public final String argumentsKey;

    ToolCallFormat(List<String> starts, String end, boolean jsonAtStart, boolean array, String argumentsKey) {
        this.starts = starts;
        this.end = end;
        this.jsonAtStart = jsonAtStart;
        this.array = array;
        this.argumentsKey = argumentsKey;
    }

    /** The format a chat template writes tool calls in; GENERIC when it does not render tools at all. */
    public static ToolCallFormat of(String template) {
        if (template == null || !rendersTools(template)) return GENERIC;
        if (template.contains("<tool_call>")) return HERMES;
        if (template.contains("[TOOL_CALLS]")) return MISTRAL;
        if (template.contains("<|python_tag|>") || template.contains("ipython") || template.contains("\"parameters\"")) return LLAMA31;
        return GENERIC;
    }

    /** True when the template reads the {@code tools} variable (else the tools must go into a system message). */
    public static boolean rendersTools(String template) {
        return template != null && template.matches("(?s).*\\btools\\b.*") && template.contains("tool");
    }

    /**
     * The text that begins a call to {@code tool} in this format, for a forced call ({@code
     * tool_choice} required or a name): prefilled after the prompt, the model writes the rest.
     * With a null tool the call is opened up to its name, which the model chooses.
     */
    public String callOpening(String tool) {
        String head = switch (this) {
            case HERMES -> "<tool_call>\n";
            case MISTRAL -> "[TOOL_CALLS][";
            default -> "";
        };
        return tool == null ? head + "{\"name\": \"" : head + "{\"name\": \"" + tool + "\", \"" + argumentsKey + "\": ";
    }
}
