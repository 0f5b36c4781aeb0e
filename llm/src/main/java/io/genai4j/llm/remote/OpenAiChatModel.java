package io.genai4j.llm.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.engine.util.Printable;
import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.chat.ChatListener;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatModel;
import io.genai4j.llm.chat.ChatRequest;
import io.genai4j.llm.chat.ChatResponse;
import io.genai4j.llm.chat.ResponseFormat;
import io.genai4j.llm.chat.ToolCall;
import io.genai4j.llm.chat.ToolSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A remote OpenAI-compatible endpoint (genai serve, llama-server, vLLM, Ollama, a hosted API) as a
 * {@link ChatModel}: each turn is one streamed {@code /chat/completions} request (JDK HttpClient,
 * Jackson), its text and tool-call deltas passed to the listener as they arrive; cancelling closes
 * the connection, which stops the server's generation. Sampling fields OpenAI defines are sent
 * (temperature, top_p, max_tokens, stop, seed, presence/frequency penalties); top-k, min-p and the
 * repetition penalty are not part of the API and stay local. A refusal is one line naming the
 * endpoint, its status and the server's message.
 */
public final class OpenAiChatModel implements ChatModel {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI chatUrl;
    private final String model;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;

    /** @param baseUrl the API root, e.g. {@code http://127.0.0.1:8080/v1}; @param apiKey null for none */
    public OpenAiChatModel(String baseUrl, String model, String apiKey, Duration timeout) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        try {
            this.chatUrl = URI.create(base + "/chat/completions");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the endpoint " + Printable.of(baseUrl) + " is not a URL", e);
        }
        if (!"http".equals(chatUrl.getScheme()) && !"https".equals(chatUrl.getScheme())) {
            throw new IllegalArgumentException("the endpoint " + Printable.of(baseUrl) + " must start with http:// or https://");
        }
        this.model = model;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public String name() {
        return model;
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatListener listener) {
        HttpRequest.Builder b = HttpRequest.newBuilder(chatUrl).timeout(timeout).header("Content-Type", "application/json")
                .header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.ofString(body(request).toString()));
        if (apiKey != null) b.header("Authorization", "Bearer " + apiKey);
        HttpResponse<Stream<String>> response;
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot reach " + chatUrl + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + chatUrl, e);
        }
        try (Stream<String> lines = response.body()) {
            if (response.statusCode() != 200) throw refusal(response.statusCode(), String.join("\n", lines.toList()));
            return read(lines.iterator(), listener);
        }
    }

    private ChatResponse read(Iterator<String> lines, ChatListener listener) {
        StringBuilder text = new StringBuilder();
        List<String[]> calls = new ArrayList<>();   // id, name, arguments so far
        String finish = "stop";
        int prompt = 0, completion = 0;
        boolean complete = false;
        while (lines.hasNext()) {
            if (listener.cancelled()) return done(text, calls, "cancelled", prompt, completion);
            String line = lines.next();
            if (!line.startsWith("data:")) continue;   // blank separators, comments, event names
            String data = line.substring(5).strip();
            if (data.equals("[DONE]")) {
                complete = true;
                break;
            }
            JsonNode chunk = parse(data);
            if (chunk.has("error")) throw refusal(200, data);
            JsonNode usage = chunk.get("usage");
            if (usage != null && usage.isObject()) {
                prompt = usage.path("prompt_tokens").asInt();
                completion = usage.path("completion_tokens").asInt();
            }
            JsonNode choice = chunk.path("choices").path(0);
            if (choice.isMissingNode() || choice.path("index").asInt(0) != 0) continue;
            JsonNode delta = choice.path("delta");
            String content = delta.path("content").isTextual() ? delta.path("content").textValue() : "";
            if (!content.isEmpty()) {
                text.append(content);
                listener.onText(content);
            }
            for (JsonNode tc : delta.path("tool_calls")) {
                int index = tc.path("index").asInt(calls.size());
                String id = tc.hasNonNull("id") ? tc.get("id").asText() : null;
                String fnName = tc.path("function").hasNonNull("name") ? tc.path("function").get("name").asText() : null;
                String args = tc.path("function").path("arguments").asText("");
                while (calls.size() <= index) calls.add(new String[] {null, null, ""});
                String[] call = calls.get(index);
                if (id != null) call[0] = id;
                if (fnName != null) call[1] = fnName;
                call[2] += args;
                listener.onToolCall(index, id, fnName, args);
            }
            if (choice.hasNonNull("finish_reason")) finish = choice.get("finish_reason").asText();
        }
        // A stream cut short (the server died, a proxy dropped it) is a failure to retry, not an answer.
        if (!complete) throw new IllegalStateException(chatUrl + " closed the stream before its end ([DONE])");
        return done(text, calls, finish, prompt, completion);
    }

    private static ChatResponse done(StringBuilder text, List<String[]> calls, String finish, int prompt, int completion) {
        List<ToolCall> out = new ArrayList<>();
        for (String[] c : calls) if (c[1] != null) out.add(new ToolCall(c[0], c[1], c[2]));
        return new ChatResponse(ChatMessage.assistant(text.toString(), out), finish, new ChatResponse.Usage(prompt, completion, 0, 0));
    }

    ObjectNode body(ChatRequest r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("model", model);
        ArrayNode messages = o.putArray("messages");
        for (ChatMessage m : r.messages()) {
            ObjectNode j = messages.addObject().put("role", m.role()).put("content", m.content());
            if (!m.toolCalls().isEmpty()) {
                ArrayNode tc = j.putArray("tool_calls");
                for (ToolCall c : m.toolCalls()) {
                    ObjectNode t = tc.addObject();
                    if (c.id() != null) t.put("id", c.id());
                    t.put("type", "function");
                    t.putObject("function").put("name", c.name()).put("arguments", c.arguments());
                }
            }
            if (m.toolCallId() != null) j.put("tool_call_id", m.toolCallId());
            if (m.name() != null && m.role().equals("tool")) j.put("name", m.name());
        }
        if (!r.tools().isEmpty()) {
            ArrayNode tools = o.putArray("tools");
            for (ToolSpec t : r.tools()) {
                ObjectNode fn = tools.addObject().put("type", "function").putObject("function");
                fn.put("name", t.name()).put("description", t.description());
                fn.set("parameters", parse(t.parametersSchema()));
            }
            String choice = r.toolChoice();
            if (choice.equals("auto") || choice.equals("none") || choice.equals("required")) o.put("tool_choice", choice);
            else o.putObject("tool_choice").put("type", "function").putObject("function").put("name", choice);
            if (!r.parallelToolCalls()) o.put("parallel_tool_calls", false);
        }
        if (r.responseFormat().kind() == ResponseFormat.Kind.JSON_OBJECT) o.putObject("response_format").put("type", "json_object");
        if (r.responseFormat().kind() == ResponseFormat.Kind.JSON_SCHEMA) {
            ObjectNode js = o.putObject("response_format").put("type", "json_schema").putObject("json_schema");
            js.put("name", "answer");
            js.set("schema", parse(r.responseFormat().schema()));
        }
        GenerationOptions g = r.options();
        o.put("temperature", g.temperature());
        o.put("top_p", g.topP());
        o.put("max_tokens", g.maxTokens());
        if (!g.stop().isEmpty()) {
            ArrayNode stop = o.putArray("stop");
            g.stop().forEach(stop::add);
        }
        o.put("seed", g.seed());
        if (g.penalties().presence() != 0) o.put("presence_penalty", g.penalties().presence());
        if (g.penalties().frequency() != 0) o.put("frequency_penalty", g.penalties().frequency());
        o.put("stream", true);
        o.putObject("stream_options").put("include_usage", true);
        return o;
    }

    private RuntimeException refusal(int status, String body) {
        String message = body;
        try {
            JsonNode e = JSON.readTree(body).path("error");
            if (e.path("message").isTextual()) message = e.get("message").textValue();
            else if (e.isTextual()) message = e.textValue();
        } catch (IOException notJson) {
            // keep the body as it came
        }
        String line = chatUrl + " answered " + status + ": " + Printable.of(message, 500);
        return status >= 400 && status < 500 && status != 429 ? new IllegalArgumentException(line) : new IllegalStateException(line);
    }

    private JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(chatUrl + " sent something that is not JSON: " + Printable.of(json), e);
        }
    }
}
