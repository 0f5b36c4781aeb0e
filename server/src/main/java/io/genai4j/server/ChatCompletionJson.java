package io.genai4j.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.llm.chat.ChatResponse;
import io.genai4j.llm.chat.ToolCall;
import java.util.List;

/**
 * The replies of one chat completion in OpenAI's shapes: the {@code chat.completion} object, and the
 * {@code chat.completion.chunk}s of a stream, all with the same id, created time and model.
 */
final class ChatCompletionJson {
    private final String id;
    private final long created;
    private final String model;

    ChatCompletionJson(String id, long created, String model) {
        this.id = id;
        this.created = created;
        this.model = model;
    }

    /** The finish reason a client sees: tool_calls when the answer calls tools, else stop or length. */
    static String finishReason(ChatResponse r) {
        if (!r.message().toolCalls().isEmpty()) return "tool_calls";
        return "length".equals(r.finishReason()) ? "length" : "stop";
    }

    /** The whole answer; {@code logprobs} holds each choice's log-probabilities object, or null where none were asked. */
    ObjectNode completion(List<ChatResponse> choices, List<ObjectNode> logprobs) {
        ObjectNode o = head("chat.completion");
        ArrayNode arr = o.putArray("choices");
        int prompt = 0, completion = 0;
        for (int i = 0; i < choices.size(); i++) {
            ChatResponse r = choices.get(i);
            ObjectNode c = arr.addObject();
            c.put("index", i);
            ObjectNode m = c.putObject("message");
            m.put("role", "assistant");
            List<ToolCall> calls = r.message().toolCalls();
            if (calls.isEmpty() || !r.message().content().isEmpty()) m.put("content", r.message().content());
            else m.putNull("content");
            m.putNull("refusal");
            if (!calls.isEmpty()) {
                ArrayNode tc = m.putArray("tool_calls");
                for (ToolCall call : calls) {
                    ObjectNode t = tc.addObject();
                    t.put("id", call.id());
                    t.put("type", "function");
                    ObjectNode fn = t.putObject("function");
                    fn.put("name", call.name());
                    fn.put("arguments", call.arguments());
                }
            }
            if (logprobs.get(i) == null) c.putNull("logprobs");
            else c.set("logprobs", logprobs.get(i));
            c.put("finish_reason", finishReason(r));
            prompt = r.usage().promptTokens();
            completion += r.usage().completionTokens();
        }
        o.set("usage", usage(prompt, completion));
        return o;
    }

    /** A chunk carrying one choice's delta, with its finish reason on the last. */
    ObjectNode chunk(int index, ObjectNode delta, String finishReason) {
        ObjectNode o = head("chat.completion.chunk");
        ObjectNode c = o.putArray("choices").addObject();
        c.put("index", index);
        c.set("delta", delta);
        c.putNull("logprobs");
        if (finishReason == null) c.putNull("finish_reason");
        else c.put("finish_reason", finishReason);
        return o;
    }

    /** The closing chunk of {@code stream_options.include_usage}: no choices, the usage of the whole request. */
    ObjectNode usageChunk(int promptTokens, int completionTokens) {
        ObjectNode o = head("chat.completion.chunk");
        o.putArray("choices");
        o.set("usage", usage(promptTokens, completionTokens));
        return o;
    }

    static ObjectNode usage(int prompt, int completion) {
        ObjectNode u = Json.object();
        u.put("prompt_tokens", prompt);
        u.put("completion_tokens", completion);
        u.put("total_tokens", prompt + completion);
        return u;
    }

    private ObjectNode head(String object) {
        ObjectNode o = Json.object();
        o.put("id", id);
        o.put("object", object);
        o.put("created", created);
        o.put("model", model);
        o.put("system_fingerprint", "genai4j");
        return o;
    }
}
