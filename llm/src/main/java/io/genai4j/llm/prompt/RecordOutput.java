package io.genai4j.llm.prompt;

import io.genai4j.llm.agent.SchemaOf;
import io.genai4j.llm.agent.Tools;
import io.genai4j.llm.chat.ChatModel;
import io.genai4j.llm.chat.ChatRequest;
import io.genai4j.llm.chat.ChatResponse;
import io.genai4j.llm.chat.ResponseFormat;

/**
 * An answer as a Java record: the record's JSON Schema (derived as for tool arguments,
 * {@link SchemaOf}) becomes the request's {@code json_schema} response format, so a local model
 * can only write JSON that fits (the grammar engine masks every other token), and the JSON is bound
 * back to the record by the same rules. A remote endpoint that ignores the format may still answer
 * something else: that is an error naming the text, never a half-filled record.
 */
public final class RecordOutput {
    private RecordOutput() {}

    /** The parsed record and the response it came from (text, finish reason, tokens). */
    public record Parsed<T>(T value, ChatResponse response) {}

    public static String schema(Class<? extends Record> type) {
        return SchemaOf.type(type).toString();
    }

    public static <T extends Record> Parsed<T> ask(ChatModel model, ChatRequest request, Class<T> type) {
        ChatResponse r = model.chat(request.withResponseFormat(ResponseFormat.jsonSchema(schema(type))));
        String text = r.message().content();
        if (!"stop".equals(r.finishReason())) {
            throw new IllegalStateException("the answer ended by " + r.finishReason() + " before its JSON was complete (raise max tokens): "
                    + io.genai4j.engine.util.Printable.of(text, 200));
        }
        try {
            return new Parsed<>(Tools.read(text, type), r);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the answer does not fit " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
