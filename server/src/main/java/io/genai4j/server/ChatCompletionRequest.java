package io.genai4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.engine.util.Printable;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatRequest;
import io.genai4j.llm.chat.ResponseFormat;
import io.genai4j.llm.chat.ToolCall;
import io.genai4j.llm.chat.ToolSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code POST /v1/chat/completions} body read into a {@link ChatRequest}: messages (content as a
 * string or text parts; {@code developer} read as {@code system}), tools, tool_choice,
 * response_format, the sampling fields, and how to answer (stream, include_usage, n, logprobs: the
 * alternatives per token to report, -1 for none). Every
 * refusal names its field; fields not listed here are ignored, as OpenAI ignores them.
 */
record ChatCompletionRequest(String model, ChatRequest request, Sampling sampling, boolean stream, boolean includeUsage, int logprobs) {
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");

    static ChatCompletionRequest read(JsonNode body, Limits limits) {
        Fields f = new Fields(body, "");
        String model = f.requiredString("model");
        List<JsonNode> raw = f.array("messages");
        if (raw.isEmpty()) throw ApiException.invalid("messages", "messages must be a non-empty array");
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) messages.add(message(new Fields(raw.get(i), "messages[" + i + "]")));
        List<ToolSpec> tools = tools(f);
        String toolChoice = toolChoice(f, tools);
        boolean parallel = f.bool("parallel_tool_calls", true);
        ResponseFormat format = responseFormat(f);
        Sampling sampling = Sampling.read(f, limits);
        int logprobs = Sampling.chatLogprobs(f);
        boolean stream = f.bool("stream", false);
        Fields so = f.object("stream_options");
        boolean usage = so != null && so.bool("include_usage", false);
        ChatRequest request = new ChatRequest(messages, tools, toolChoice, format, sampling.options(), parallel);
        return new ChatCompletionRequest(model, request, sampling, stream, usage, logprobs);
    }

    private static ChatMessage message(Fields m) {
        String role = m.requiredString("role");
        if (!ROLES.contains(role)) throw ApiException.invalid(m.path("role"), m.path("role") + " must be one of system, developer, user, assistant, tool; got \"" + Printable.of(role) + "\"");
        if (role.equals("developer")) role = "system";
        String content = content(m);
        List<ToolCall> calls = new ArrayList<>();
        List<JsonNode> rawCalls = m.array("tool_calls");
        for (int i = 0; i < rawCalls.size(); i++) {
            Fields c = new Fields(rawCalls.get(i), m.path("tool_calls[" + i + "]"));
            Fields fn = c.object("function");
            if (fn == null) throw ApiException.invalid(c.path("function"), c.path("function") + " is required");
            calls.add(new ToolCall(c.string("id", null), fn.requiredString("name"), fn.string("arguments", "{}")));
        }
        String toolCallId = m.string("tool_call_id", null);
        if (role.equals("tool") && toolCallId == null) throw ApiException.invalid(m.path("tool_call_id"), m.path("tool_call_id") + " is required in a tool message");
        return new ChatMessage(role, content, calls, toolCallId, m.string("name", null));
    }

    /** A string, or an array of {@code {"type":"text","text":...}} parts joined; null means empty. */
    private static String content(Fields m) {
        JsonNode c = m.get("content");
        if (c == null) return "";
        if (c.isTextual()) return c.textValue();
        if (!c.isArray()) throw m.wrong("content", "a string or an array of text parts", c);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.size(); i++) {
            Fields part = new Fields(c.get(i), m.path("content[" + i + "]"));
            String type = part.requiredString("type");
            if (!type.equals("text")) {
                throw ApiException.unsupported(part.path("type"), part.path("type") + " \"" + Printable.of(type) + "\" is not supported: this model reads text only");
            }
            sb.append(part.requiredString("text"));
        }
        return sb.toString();
    }

    private static List<ToolSpec> tools(Fields f) {
        List<JsonNode> raw = f.array("tools");
        List<ToolSpec> tools = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            Fields t = new Fields(raw.get(i), "tools[" + i + "]");
            String type = t.string("type", "function");
            if (!type.equals("function")) throw ApiException.unsupported(t.path("type"), t.path("type") + " must be \"function\"");
            Fields fn = t.object("function");
            if (fn == null) throw ApiException.invalid(t.path("function"), t.path("function") + " is required");
            String name = fn.requiredString("name");
            if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
                throw ApiException.invalid(fn.path("name"), fn.path("name") + " must be 1 to 64 letters, digits, _ or -, got \"" + Printable.of(name) + "\"");
            }
            if (!names.add(name)) throw ApiException.invalid(fn.path("name"), "two tools are named \"" + name + "\": tool names must be unique");
            JsonNode params = fn.get("parameters");
            if (params != null) SchemaCheck.check(params, fn.path("parameters"));
            tools.add(new ToolSpec(name, fn.string("description", ""), params == null ? null : params.toString()));
        }
        return tools;
    }

    private static String toolChoice(Fields f, List<ToolSpec> tools) {
        JsonNode c = f.get("tool_choice");
        if (c == null) return "auto";
        String name;
        if (c.isTextual()) {
            name = c.textValue();
            if (name.equals("none") || name.equals("auto")) return name;
            if (!name.equals("required")) throw ApiException.invalid("tool_choice", "tool_choice must be none, auto, required or {\"type\":\"function\",\"function\":{\"name\":...}}");
            if (tools.isEmpty()) throw ApiException.invalid("tool_choice", "tool_choice is required but no tools were given");
            return name;
        }
        Fields fn = new Fields(c, "tool_choice").object("function");
        if (fn == null) throw ApiException.invalid("tool_choice.function", "tool_choice.function is required");
        name = fn.requiredString("name");
        String wanted = name;
        if (tools.stream().noneMatch(t -> t.name().equals(wanted))) {
            throw ApiException.invalid("tool_choice.function.name", "tool_choice names \"" + Printable.of(name) + "\", which is not among the tools");
        }
        return name;
    }

    private static ResponseFormat responseFormat(Fields f) {
        Fields rf = f.object("response_format");
        if (rf == null) return ResponseFormat.TEXT;
        String type = rf.requiredString("type");
        return switch (type) {
            case "text" -> ResponseFormat.TEXT;
            case "json_object" -> ResponseFormat.JSON_OBJECT;
            case "json_schema" -> {
                Fields js = rf.object("json_schema");
                if (js == null) throw ApiException.invalid(rf.path("json_schema"), rf.path("json_schema") + " is required with type json_schema");
                js.requiredString("name");
                JsonNode schema = js.get("schema");
                if (schema == null) throw ApiException.invalid(js.path("schema"), js.path("schema") + " is required");
                SchemaCheck.check(schema, js.path("schema"));
                yield ResponseFormat.jsonSchema(schema.toString());
            }
            default -> throw ApiException.invalid(rf.path("type"), rf.path("type") + " must be text, json_object or json_schema, got \"" + Printable.of(type) + "\"");
        };
    }
}
