package io.genai4j.llm.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads one JSON object that may be a tool call, a character at a time, so the call can be streamed
 * while it is written: the top-level {@code "name"} is known as soon as its string closes, and the
 * raw text of the top-level {@code "arguments"} (or {@code "parameters"}) value is available as it
 * grows. Strings and escapes are tracked, so braces inside strings do not count.
 */
final class CallScanner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringBuilder raw = new StringBuilder();
    private int depth;
    private boolean inString, escape, expectKey, complete;
    private int stringStart = -1;
    private String key;          // the last top-level key read
    private String valueKey;     // the key whose value is being read (top level)
    private int valueStart = -1;
    private String name;
    private int argsStart = -1, argsEnd = -1;

    /** Feeds one character; true once the object is complete. */
    boolean add(char c) {
        if (complete) throw new IllegalStateException("the object is complete");
        int i = raw.length();
        raw.append(c);
        if (inString) {
            if (escape) escape = false;
            else if (c == '\\') escape = true;
            else if (c == '"') {
                inString = false;
                if (depth == 1) stringEnded(i);
            }
            return false;
        }
        switch (c) {
            case '"' -> {
                inString = true;
                stringStart = i;
                if (depth == 1 && valueKey != null && valueStart < 0) valueStart = i;
            }
            case '{', '[' -> {
                if (depth == 1 && valueKey != null && valueStart < 0) valueStart = i;
                if (depth == 0) expectKey = true;
                depth++;
            }
            case '}', ']' -> {
                if (depth == 1 && valueKey != null && valueStart >= 0) valueEnded(i);   // a number, true, false or null
                depth--;
                if (depth == 1 && valueKey != null && valueStart >= 0) valueEnded(i + 1);
                if (depth <= 0) complete = true;
            }
            case ':' -> {
                if (depth == 1 && key != null) {
                    valueKey = key;
                    valueStart = -1;
                    key = null;
                }
            }
            case ',' -> {
                if (depth == 1) {
                    if (valueKey != null && valueStart >= 0) valueEnded(i);
                    expectKey = true;
                }
            }
            default -> {
                if (depth == 1 && valueKey != null && valueStart < 0 && !Character.isWhitespace(c)) valueStart = i;
            }
        }
        return complete;
    }

    private void stringEnded(int at) {
        if (expectKey) {
            key = decode(raw.substring(stringStart, at + 1));
            expectKey = false;
        } else if (valueKey != null && valueStart == stringStart) {
            valueEnded(at + 1);
        }
    }

    private void valueEnded(int end) {
        String v = raw.substring(valueStart, end).strip();
        if (valueKey.equals("name") && v.startsWith("\"")) name = decode(v);
        if (isArgumentsKey(valueKey) && argsStart < 0) {
            argsStart = valueStart;
            argsEnd = valueStart + v.length();
        }
        valueKey = null;
        valueStart = -1;
    }

    private static boolean isArgumentsKey(String k) {
        return k.equals("arguments") || k.equals("parameters");
    }

    private static String decode(String quoted) {
        try {
            return JSON.readValue(quoted, String.class);
        } catch (JsonProcessingException e) {
            return quoted.substring(1, quoted.length() - 1);
        }
    }

    boolean complete() {
        return complete;
    }

    /** The call's name once its string has closed, else null. */
    String name() {
        return name;
    }

    String raw() {
        return raw.toString();
    }

    /**
     * How far the raw arguments text is known: its end once read, the text so far while an object
     * or array value is being written (a string value is only known whole), -1 before it starts.
     */
    int argumentsKnownTo() {
        if (argsEnd >= 0) return argumentsAreString() ? -1 : argsEnd;
        if (valueKey != null && isArgumentsKey(valueKey) && valueStart >= 0) {
            char first = raw.charAt(valueStart);
            return first == '{' || first == '[' ? raw.length() : -1;
        }
        return -1;
    }

    int argumentsStart() {
        return argsStart >= 0 ? argsStart : valueKey != null && isArgumentsKey(valueKey) ? valueStart : -1;
    }

    private boolean argumentsAreString() {
        return argsStart >= 0 && raw.charAt(argsStart) == '"';
    }

    /** The arguments as JSON object text: the object as written, or the content of a string value (OpenAI's wire form). */
    String arguments() {
        if (argsStart < 0) {
            int from = argumentsStart();
            return from >= 0 ? raw.substring(from) : "{}";   // cut off while writing them: what was written
        }
        String v = raw.substring(argsStart, argsEnd);
        return argumentsAreString() ? decode(v) : v;
    }

    /** True when the whole object parses as JSON with a string {@code name}: it is a call. */
    boolean isCall() {
        if (!complete || name == null) return false;
        try {
            JsonNode n = JSON.readTree(raw.toString());
            return n != null && n.isObject() && n.path("name").isTextual();
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
