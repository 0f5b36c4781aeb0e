package io.genai4j.llm.chat;

import io.genai4j.llm.TokenConstraint;
import io.genai4j.llm.grammar.Constraints;
import io.genai4j.text.vocab.LlmTokenizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The grammar constraints of one vocabulary: each {@link ResponseFormat} ({@code json_object} is any
 * JSON object, {@code json_schema} JSON valid against the schema) and the tool-call grammar of each
 * set of tools. Compiled matchers are kept (the 64 most recently used) because a client sends the
 * same schema or tools request after request, and a matcher's cached masks make its later requests fast.
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

    /** The JSON Schema of a format ({@code json_object}: any object; TEXT: null). */
    static String schema(ResponseFormat format) {
        return switch (format.kind()) {
            case TEXT -> null;
            case JSON_OBJECT -> ANY_OBJECT;
            case JSON_SCHEMA -> format.schema();
        };
    }

    /** The constraint of a JSON format (TEXT has none: null). */
    TokenConstraint.Factory of(ResponseFormat format) {
        String schema = schema(format);
        if (schema == null) return null;
        return cached(schema, () -> Constraints.jsonSchema(schema, tokenizer));
    }

    /**
     * The constraint compiled for {@code key}, compiled by {@code compile} on first use (also for
     * tool-call grammars, keyed by their tools): its masks, cached as requests visit its states, then
     * serve every later request with the same key.
     */
    TokenConstraint.Factory cached(String key, Supplier<TokenConstraint.Factory> compile) {
        synchronized (compiled) {
            TokenConstraint.Factory f = compiled.get(key);
            if (f == null) compiled.put(key, f = compile.get());
            return f;
        }
    }
}
