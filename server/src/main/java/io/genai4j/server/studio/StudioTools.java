package io.genai4j.server.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.engine.util.Printable;
import io.genai4j.llm.agent.Tool;
import io.genai4j.llm.agent.builtin.Calculator;
import io.genai4j.llm.agent.builtin.CurrentTime;
import io.genai4j.server.ApiException;
import io.genai4j.server.Json;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tools the chat page offers a model: the library's built-in calculator and clock, nothing that
 * reads files or the network. The page sends their specifications with a chat request, and when the
 * model calls one it asks {@link #run} for the result and shows both in the trace.
 */
final class StudioTools {
    private final Map<String, Tool> tools = new LinkedHashMap<>();

    StudioTools(Clock clock) {
        for (Tool t : List.of(Calculator.tool(), CurrentTime.tool(clock))) tools.put(t.name(), t);
    }

    /** The tools as the {@code tools} field of an OpenAI chat request. */
    ObjectNode list() {
        ObjectNode o = Json.object();
        ArrayNode data = o.putArray("tools");
        for (Tool t : tools.values()) {
            ObjectNode fn = data.addObject().put("type", "function").putObject("function");
            fn.put("name", t.name()).put("description", t.spec().description());
            String schema = t.spec().parametersSchema();
            if (schema != null) fn.set("parameters", Json.parse(schema.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return o;
    }

    /**
     * Runs one call {@code {"name":..., "arguments":"{...}"}}: {@code {"result": text}}, or
     * {@code {"error": message}} when the tool refuses its arguments (the model sees that too).
     */
    ObjectNode run(JsonNode body) {
        String name = body.path("name").asText("");
        Tool tool = tools.get(name);
        if (tool == null) throw ApiException.invalid("name", "no studio tool is named \"" + Printable.of(name) + "\" (known: " + String.join(", ", tools.keySet()) + ")");
        JsonNode args = body.path("arguments");
        String json = args.isTextual() ? args.textValue() : args.isMissingNode() || args.isNull() ? "{}" : Json.write(args);
        ObjectNode out = Json.object();
        try {
            out.put("result", tool.call(json));
        } catch (Exception e) {
            out.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return out;
    }
}
