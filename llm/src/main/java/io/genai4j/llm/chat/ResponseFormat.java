package io.genai4j.llm.chat;

/**
 * The shape the answer must have: free text, any JSON object, or JSON valid against a schema
 * (OpenAI's {@code response_format}: {@code text}, {@code json_object}, {@code json_schema}).
 */
public record ResponseFormat(Kind kind, String schema) {
    public enum Kind { TEXT, JSON_OBJECT, JSON_SCHEMA }

    public static final ResponseFormat TEXT = new ResponseFormat(Kind.TEXT, null);
    public static final ResponseFormat JSON_OBJECT = new ResponseFormat(Kind.JSON_OBJECT, null);

    public ResponseFormat {
        if (kind == null) throw new IllegalArgumentException("a response format needs a kind");
        if (kind == Kind.JSON_SCHEMA && (schema == null || schema.isBlank())) throw new IllegalArgumentException("response format json_schema needs a schema");
    }

    public static ResponseFormat jsonSchema(String schema) {
        return new ResponseFormat(Kind.JSON_SCHEMA, schema);
    }
}
