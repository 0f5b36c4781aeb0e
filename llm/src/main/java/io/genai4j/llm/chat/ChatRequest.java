package io.genai4j.llm.chat;

import io.genai4j.llm.GenerationOptions;
import java.util.List;

/**
 * Everything one chat turn needs, so a model answering it keeps no state between requests (a
 * request carries its whole conversation): the messages, the tools it may call and whether it must
 * ({@code toolChoice}: {@code auto}, {@code none}, {@code required}, or a tool's name), the format
 * of the answer, how to sample, and whether one answer may hold several tool calls ({@code
 * parallelToolCalls}, OpenAI's {@code parallel_tool_calls}, true unless a client says otherwise).
 */
public record ChatRequest(List<ChatMessage> messages, List<ToolSpec> tools, String toolChoice, ResponseFormat responseFormat,
                          GenerationOptions options, boolean parallelToolCalls) {
    public ChatRequest {
        if (messages == null || messages.isEmpty()) throw new IllegalArgumentException("a chat request needs at least one message");
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
        if (toolChoice == null) toolChoice = "auto";
        if (responseFormat == null) responseFormat = ResponseFormat.TEXT;
        if (options == null) throw new IllegalArgumentException("a chat request needs generation options");
        long distinct = tools.stream().map(ToolSpec::name).distinct().count();
        if (distinct != tools.size()) throw new IllegalArgumentException("two tools share a name: tool names must be unique");
    }

    /** A request whose answer may hold several tool calls, as OpenAI's API defaults to. */
    public ChatRequest(List<ChatMessage> messages, List<ToolSpec> tools, String toolChoice, ResponseFormat responseFormat, GenerationOptions options) {
        this(messages, tools, toolChoice, responseFormat, options, true);
    }

    public static ChatRequest of(List<ChatMessage> messages, GenerationOptions options) {
        return new ChatRequest(messages, List.of(), "auto", ResponseFormat.TEXT, options);
    }

    public ChatRequest withTools(List<ToolSpec> tools, String toolChoice) {
        return new ChatRequest(messages, tools, toolChoice, responseFormat, options, parallelToolCalls);
    }

    public ChatRequest withResponseFormat(ResponseFormat format) {
        return new ChatRequest(messages, tools, toolChoice, format, options, parallelToolCalls);
    }

    public ChatRequest withMessages(List<ChatMessage> messages) {
        return new ChatRequest(messages, tools, toolChoice, responseFormat, options, parallelToolCalls);
    }

    public ChatRequest withOptions(GenerationOptions options) {
        return new ChatRequest(messages, tools, toolChoice, responseFormat, options, parallelToolCalls);
    }

    public ChatRequest withParallelToolCalls(boolean parallel) {
        return new ChatRequest(messages, tools, toolChoice, responseFormat, options, parallel);
    }
}
