package io.genai4j.text.bpe;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads and writes a flat JSON object of string keys and integer values, which is all that
 * {@code encoder.json} is. A full JSON library would be the text module's only dependency.
 */
final class JsonStringIntMap {
    private final String s;
    private int i;

    private JsonStringIntMap(String s) {
        this.s = s;
    }

    static Map<String, Integer> parse(String json) {
        return new JsonStringIntMap(json).object();
    }

    private Map<String, Integer> object() {
        Map<String, Integer> out = new HashMap<>();
        skipSpace();
        expect('{');
        skipSpace();
        if (peek() == '}') {
            i++;
            return out;
        }
        while (true) {
            skipSpace();
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            int value = integer();
            if (out.put(key, value) != null) throw error("duplicate key " + key);
            skipSpace();
            char c = next();
            if (c == '}') break;
            if (c != ',') throw error("expected ',' or '}'");
        }
        skipSpace();
        if (i != s.length()) throw error("unexpected text after the object");
        return out;
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') return b.toString();
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) throw error("short \\u escape");
                    b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
        }
    }

    private int integer() {
        int start = i;
        if (peek() == '-') i++;
        while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        if (start == i) throw error("expected an integer");
        return Integer.parseInt(s.substring(start, i));
    }

    private void skipSpace() {
        while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) i++;
    }

    private char peek() {
        if (i >= s.length()) throw error("unexpected end");
        return s.charAt(i);
    }

    private char next() {
        char c = peek();
        i++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) throw error("expected '" + c + "'");
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("encoder.json: " + what + " at offset " + i);
    }

    /** Appends {@code value} as a JSON string, escaping quotes, backslashes and control characters. */
    static void quote(String value, StringBuilder out) {
        out.append('"');
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20 || Character.isSurrogate(c)) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        out.append('"');
    }
}
