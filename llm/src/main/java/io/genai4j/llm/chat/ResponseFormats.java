package io.genai4j.llm.chat;

import io.genai4j.llm.TokenConstraint;
import io.genai4j.llm.grammar.Constraints;
import io.genai4j.text.vocab.LlmTokenizer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The grammar constraint of each {@link ResponseFormat} on one vocabulary: {@code json_object} is
 * any JSON object, {@code json_schema} JSON valid against the schema. Compiled matchers are kept
 * (the 64 most recently used) because a client sends the same schema request after request, and a
 * matcher's cached masks are what make its later requests fast.
 */
final class ResponseFormats {
    private static final int KEEP = 64;
    private static final String ANY_OBJECT = "{\"type\":\"object\"}";
    private final LlmTokenizer tokenizer;
    private final Map<String, TokenConstraint.Factory> compiled = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TokenConstraint.Factory> eldest) {
            return size() > KEEP;
        }
    };

    ResponseFormats(LlmTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** The constraint of a JSON format (TEXT has none: null). */
    TokenConstraint.Factory of(ResponseFormat format) {
        String schema = switch (format.kind()) {
            case TEXT -> null;
            case JSON_OBJECT -> ANY_OBJECT;
            case JSON_SCHEMA -> format.schema();
        };
        if (schema == null) return null;
        synchronized (compiled) {
            TokenConstraint.Factory f = compiled.get(schema);
            if (f == null) compiled.put(schema, f = Constraints.jsonSchema(schema, tokenizer));
            return f;
        }
    }
}
