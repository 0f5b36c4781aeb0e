package io.genai4j.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The server's one JSON mapper: requests parsed to trees (no source text echoed in errors), replies written compact. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The body as a JSON tree; a 400 saying where the JSON breaks when it does not parse. */
    public static JsonNode parse(byte[] body) {
        if (body.length == 0) throw ApiException.invalid(null, "the request body is empty: expected a JSON object");
        try {
            JsonNode n = MAPPER.readTree(body);
            if (n == null || n.isMissingNode()) throw ApiException.invalid(null, "the request body is empty: expected a JSON object");
            return n;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw ApiException.invalid(null, "the request body is not valid JSON: " + e.getOriginalMessage()
                    + (loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static String write(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree did not serialize", e);
        }
    }
}
