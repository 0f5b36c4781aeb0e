package io.genai4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The project's reporting convention: a command that reports figures prints them for people, and
 * with {@code --json} also prints one JSON object as its last stdout line. Keys keep insertion order.
 */
public final class Report {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Object> fields = new LinkedHashMap<>();

    public Report put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    public Map<String, Object> fields() {
        return fields;
    }

    /** Prints the JSON object as one line. */
    public void printJson(PrintStream out) {
        try {
            out.println(JSON.writeValueAsString(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write report as JSON: " + e.getMessage(), e);
        }
        out.flush();
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
