package io.genai4j.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenAI's error body: {@code {"error":{"message","type","param","code"}}}. */
final class Errors {
    private Errors() {}

    static ObjectNode body(ApiException e) {
        ObjectNode o = Json.object();
        ObjectNode err = o.putObject("error");
        err.put("message", e.getMessage());
        err.put("type", e.type());
        if (e.param() == null) err.putNull("param");
        else err.put("param", e.param());
        err.put("code", e.code());
        return o;
    }
}
