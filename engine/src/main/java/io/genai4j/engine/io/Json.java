package io.genai4j.engine.io;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small strict JSON (RFC 8259) parser for file-format headers (safetensors, tokenizer and model
 * configs). It reads UTF-8 bytes directly, so every error can name the byte position where the
 * input went wrong, and invalid UTF-8 is caught in the same pass.
 *
 * <p>Values map to plain Java types so callers need no tree API:
 * <ul>
 *   <li>object → unmodifiable {@code Map<String, Object>} in document order (a {@link LinkedHashMap});
 *       a repeated key is an error, because for a header it means two conflicting definitions;
 *   <li>array → unmodifiable {@code List<Object>};
 *   <li>string → {@link String};
 *   <li>number → {@link Long} when it is written as an integer (no fraction, no exponent) and fits in
 *       a long, {@link BigInteger} when it is such an integer but does not fit, {@link Double}
 *       otherwise. So {@code 1e3} and {@code 2.0} are Doubles: a caller that needs an integer (a
 *       tensor dimension, an offset) can reject them instead of silently truncating;
 *   <li>true/false → {@link Boolean}; null → Java {@code null} (use {@code containsKey} to tell
 *       "null" from "absent").
 * </ul>
 *
 * <p>{@link #forEachMember} streams the members of a top-level object instead of building it, for
 * headers with millions of entries.
 *
 * <p>Hardening: nesting deeper than the depth limit is an error (not a StackOverflowError); a number
 * literal longer than {@value #MAX_NUMBER_CHARS} characters is an error (BigInteger parsing of a
 * megabyte of digits would be slow); lone UTF-16 surrogates in {@code \\u} escapes and raw control
 * characters in strings are errors. Only the four JSON whitespace characters are skipped.
 */
public final class Json {

    /** Default nesting limit: far deeper than any real header, far shallower than the stack. */
    public static final int DEFAULT_MAX_DEPTH = 128;

    /** Longest number literal accepted, in characters. */
    public static final int MAX_NUMBER_CHARS = 1000;

    /** A syntax error; the message carries the byte position. */
    public static final class ParseException extends IllegalArgumentException {
        private final long position;

        ParseException(String problem, long position) {
            super(problem + " at byte " + position);
            this.position = position;
        }

        /** Byte offset (from the start of the parsed range) where the problem was found. */
        public long position() {
            return position;
        }
    }

    private final byte[] in;
    private final int start;
    private final int end;
    private final int maxDepth;
    private int pos;

    private Json(byte[] in, int offset, int length, int maxDepth) {
        this.in = in;
        this.start = offset;
        this.end = offset + length;
        this.maxDepth = maxDepth;
        this.pos = offset;
    }

    /** Parses a complete JSON text from UTF-8 bytes. */
    public static Object parse(byte[] utf8) {
        return parse(utf8, 0, utf8.length, DEFAULT_MAX_DEPTH);
    }

    /** Parses a complete JSON text from a Java string. */
    public static Object parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses {@code length} bytes from {@code offset} as one JSON value surrounded by optional
     * whitespace. Positions in errors are relative to {@code offset}.
     */
    public static Object parse(byte[] utf8, int offset, int length, int maxDepth) {
        if (offset < 0 || length < 0 || offset > utf8.length - length) {
            throw new IndexOutOfBoundsException("range [" + offset + ", +" + length + ") of " + utf8.length);
        }
        if (maxDepth < 1) throw new IllegalArgumentException("maxDepth must be >= 1, got " + maxDepth);
        Json p = new Json(utf8, offset, length, maxDepth);
        p.skipWhitespace();
        Object value = p.value(0);
        p.skipWhitespace();
        if (p.pos < p.end) throw p.error("unexpected " + p.describe(p.pos) + " after the JSON value");
        return value;
    }

    /** Receives the members of a top-level object one at a time; see {@link #forEachMember}. */
    @FunctionalInterface
    public interface MemberVisitor {
        void member(String key, Object value);
    }

    /**
     * Parses {@code length} bytes from {@code offset} as a JSON object surrounded by optional
     * whitespace, handing each top-level member to {@code visitor} as soon as it is parsed instead of
     * building the whole object. For headers with millions of members (one per tensor) this keeps
     * peak memory at one member's tree rather than the whole document's, and a visitor that throws
     * stops the parse at the first bad member. Keys are still checked for duplicates, and the text
     * after a visited member is validated only as far as parsing has got when the visitor throws.
     *
     * @throws ParseException if the text is not a JSON object, or is malformed
     */
    public static void forEachMember(byte[] utf8, int offset, int length, int maxDepth, MemberVisitor visitor) {
        if (offset < 0 || length < 0 || offset > utf8.length - length) {
            throw new IndexOutOfBoundsException("range [" + offset + ", +" + length + ") of " + utf8.length);
        }
        if (maxDepth < 1) throw new IllegalArgumentException("maxDepth must be >= 1, got " + maxDepth);
        Json p = new Json(utf8, offset, length, maxDepth);
        p.skipWhitespace();
        if (p.peek() != '{') {
            throw p.error(p.pos >= p.end ? "unexpected end of input, expected an object"
                    : "expected an object, found " + p.describe(p.pos));
        }
        Set<String> seen = new HashSet<>();
        p.members(1, (key, value) -> {
            if (!seen.add(key)) return false;
            visitor.member(key, value);
            return true;
        });
        p.skipWhitespace();
        if (p.pos < p.end) throw p.error("unexpected " + p.describe(p.pos) + " after the JSON value");
    }

    /** Short name of a parsed value's JSON type, for error messages ("object", "number", ...). */
    public static String typeName(Object value) {
        return switch (value) {
            case null -> "null";
            case Map<?, ?> _ -> "object";
            case List<?> _ -> "array";
            case String _ -> "string";
            case Boolean _ -> "boolean";
            case Number _ -> "number";
            default -> value.getClass().getSimpleName();
        };
    }

    /**
     * Appends {@code s} as a JSON string literal, escaped the way serde_json (and so Hugging Face's
     * writers) does: {@code \"} {@code \\} and the short escapes for control characters, other
     * control characters as lowercase {@code \\u00xx}, everything else (including non-ASCII and
     * {@code /}) verbatim. Matching it matters for writing headers byte-identical to theirs.
     */
    public static StringBuilder appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    /** Returns {@code s} as a JSON string literal (see {@link #appendString}). */
    public static String quote(String s) {
        return appendString(new StringBuilder(s.length() + 2), s).toString();
    }

    /**
     * Writes a value of the parsed kinds (Map, List, String, Number, Boolean, null) as compact JSON,
     * stopping after about {@code maxChars} characters with "..." appended: for quoting a piece of
     * a header in an error message without copying megabytes.
     */
    public static String toJson(Object value, int maxChars) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, maxChars);
        if (sb.length() > maxChars) {
            sb.setLength(maxChars);
            sb.append("...");
        }
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object value, int maxChars) {
        if (sb.length() > maxChars) return;
        switch (value) {
            case null -> sb.append("null");
            case Map<?, ?> m -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (sb.length() > maxChars) return;
                    if (!first) sb.append(',');
                    first = false;
                    appendString(sb, String.valueOf(e.getKey())).append(':');
                    write(sb, e.getValue(), maxChars);
                }
                sb.append('}');
            }
            case List<?> l -> {
                sb.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (sb.length() > maxChars) return;
                    if (i > 0) sb.append(',');
                    write(sb, l.get(i), maxChars);
                }
                sb.append(']');
            }
            case String s -> {
                // Long strings are cut before quoting so a huge value costs nothing.
                appendString(sb, s.length() > maxChars ? s.substring(0, maxChars) : s);
            }
            default -> sb.append(value);
        }
    }

    // ---------------------------------------------------------------- parsing

    private Object value(int depth) {
        if (pos >= end) throw error("unexpected end of input, expected a value");
        byte b = in[pos];
        return switch (b) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (b == '-' || (b >= '0' && b <= '9')) yield number();
                throw error("unexpected " + describe(pos) + ", expected a value");
            }
        };
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> map = LinkedHashMap.newLinkedHashMap(4);
        members(depth, (key, value) -> {
            if (map.containsKey(key)) return false;
            map.put(key, value);
            return true;
        });
        return Collections.unmodifiableMap(map);
    }

    /** Receives the members of an object being parsed; returns false if the key was seen before. */
    private interface MemberSink {
        boolean accept(String key, Object value);
    }

    /** Parses an object at pos, passing each member to the sink as soon as it is complete. */
    private void members(int depth, MemberSink sink) {
        checkDepth(depth);
        pos++; // '{'
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') throw error("expected a string key, found " + describe(pos));
            int keyPos = pos;
            String key = string();
            skipWhitespace();
            expect(':', "after an object key");
            skipWhitespace();
            Object v = value(depth);
            if (!sink.accept(key, v)) {
                throw new ParseException("duplicate key " + quote(key), keyPos - start);
            }
            skipWhitespace();
            int c = peek();
            if (c == ',') {
                pos++;
            } else if (c == '}') {
                pos++;
                return;
            } else {
                throw error("expected ',' or '}' in an object, found " + describe(pos));
            }
        }
    }

    private List<Object> array(int depth) {
        checkDepth(depth);
        pos++; // '['
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return Collections.unmodifiableList(list);
        }
        while (true) {
            skipWhitespace();
            list.add(value(depth));
            skipWhitespace();
            int c = peek();
            if (c == ',') {
                pos++;
            } else if (c == ']') {
                pos++;
                return Collections.unmodifiableList(list);
            } else {
                throw error("expected ',' or ']' in an array, found " + describe(pos));
            }
        }
    }

    private void checkDepth(int depth) {
        if (depth > maxDepth) throw error("nesting deeper than the limit of " + maxDepth);
    }

    private Object literal(String word, Object value) {
        int n = word.length();
        for (int i = 0; i < n; i++) {
            if (pos + i >= end || in[pos + i] != word.charAt(i)) {
                throw error("invalid literal, expected '" + word + "'");
            }
        }
        pos += n;
        return value;
    }

    /** Grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
    private Object number() {
        int begin = pos;
        boolean integral = true;
        if (peek() == '-') pos++;
        int c = peek();
        if (c == '0') {
            pos++;
            if (isDigit(peek())) throw error("leading zeros are not allowed in numbers");
        } else if (isDigit(c)) {
            while (isDigit(peek())) pos++;
        } else {
            throw error("expected a digit, found " + describe(pos));
        }
        if (peek() == '.') {
            integral = false;
            pos++;
            if (!isDigit(peek())) throw error("expected a digit after the decimal point, found " + describe(pos));
            while (isDigit(peek())) pos++;
        }
        c = peek();
        if (c == 'e' || c == 'E') {
            integral = false;
            pos++;
            c = peek();
            if (c == '+' || c == '-') pos++;
            if (!isDigit(peek())) throw error("expected a digit in the exponent, found " + describe(pos));
            while (isDigit(peek())) pos++;
        }
        int len = pos - begin;
        if (len > MAX_NUMBER_CHARS) {
            throw new ParseException("number literal of " + len + " characters is longer than the limit of "
                    + MAX_NUMBER_CHARS, begin - start);
        }
        // The literal is pure ASCII by construction.
        String text = new String(in, begin, len, StandardCharsets.ISO_8859_1);
        if (integral) {
            // 18 digits always fit in a long; longer literals go through BigInteger to detect overflow.
            if (len <= 18) return Long.parseLong(text);
            BigInteger big = new BigInteger(text);
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        return Double.parseDouble(text);
    }

    private String string() {
        pos++; // opening quote
        StringBuilder sb = null;
        int runStart = pos;
        // Fast path: plain ASCII without escapes is copied in one go.
        while (true) {
            if (pos >= end) throw new ParseException("unterminated string", runStart - 1 - start);
            int b = in[pos] & 0xFF;
            if (b == '"') {
                String s = new String(in, runStart, pos - runStart, StandardCharsets.ISO_8859_1);
                pos++;
                return s;
            }
            if (b == '\\' || b >= 0x80 || b < 0x20) {
                sb = new StringBuilder(Math.max(16, (pos - runStart) * 2));
                sb.append(new String(in, runStart, pos - runStart, StandardCharsets.ISO_8859_1));
                break;
            }
            pos++;
        }
        int openQuote = runStart - 1;
        while (true) {
            if (pos >= end) throw new ParseException("unterminated string", openQuote - start);
            int b = in[pos] & 0xFF;
            if (b == '"') {
                pos++;
                return sb.toString();
            } else if (b == '\\') {
                escape(sb);
            } else if (b < 0x20) {
                throw error("raw control character 0x" + hex2(b) + " in a string (must be escaped)");
            } else if (b < 0x80) {
                sb.append((char) b);
                pos++;
            } else {
                sb.appendCodePoint(utf8CodePoint());
            }
        }
    }

    private void escape(StringBuilder sb) {
        int escPos = pos;
        pos++; // backslash
        if (pos >= end) throw new ParseException("unterminated escape sequence", escPos - start);
        int c = in[pos++] & 0xFF;
        switch (c) {
            case '"' -> sb.append('"');
            case '\\' -> sb.append('\\');
            case '/' -> sb.append('/');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'u' -> {
                char u = hex4(escPos);
                if (Character.isHighSurrogate(u)) {
                    // A high surrogate must be followed by an escaped low surrogate: together they
                    // encode one supplementary code point (e.g. an emoji as "\ud83d\ude00").
                    if (pos + 1 < end && in[pos] == '\\' && in[pos + 1] == 'u') {
                        int lowPos = pos;
                        pos += 2;
                        char low = hex4(lowPos);
                        if (!Character.isLowSurrogate(low)) {
                            throw new ParseException("high surrogate \\u" + hex4s(u)
                                    + " followed by \\u" + hex4s(low) + ", not a low surrogate", lowPos - start);
                        }
                        sb.append(u).append(low);
                    } else {
                        throw new ParseException("lone high surrogate \\u" + hex4s(u), escPos - start);
                    }
                } else if (Character.isLowSurrogate(u)) {
                    throw new ParseException("lone low surrogate \\u" + hex4s(u), escPos - start);
                } else {
                    sb.append(u);
                }
            }
            default -> throw new ParseException("invalid escape '\\" + printable(c) + "'", escPos - start);
        }
    }

    private char hex4(int escPos) {
        if (pos + 4 > end) throw new ParseException("truncated \\u escape", escPos - start);
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(in[pos + i] & 0xFF, 16);
            if (d < 0 || (in[pos + i] & 0x80) != 0) {
                throw new ParseException("invalid hex digit in \\u escape", pos + i - start);
            }
            v = (v << 4) | d;
        }
        pos += 4;
        return (char) v;
    }

    /**
     * Decodes one multi-byte UTF-8 sequence starting at {@code pos}, rejecting what the standard
     * forbids: stray continuation bytes, overlong encodings, encoded surrogates, values above
     * U+10FFFF and truncated sequences.
     */
    private int utf8CodePoint() {
        int at = pos;
        int b0 = in[pos] & 0xFF;
        int need;
        int cp;
        int min;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            need = 1; cp = b0 & 0x1F; min = 0x80;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            need = 2; cp = b0 & 0x0F; min = 0x800;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            need = 3; cp = b0 & 0x07; min = 0x10000;
        } else {
            throw new ParseException("invalid UTF-8 byte 0x" + hex2(b0), at - start);
        }
        for (int i = 1; i <= need; i++) {
            if (at + i >= end) throw new ParseException("truncated UTF-8 sequence", at - start);
            int b = in[at + i] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                throw new ParseException("invalid UTF-8 continuation byte 0x" + hex2(b), at + i - start);
            }
            cp = (cp << 6) | (b & 0x3F);
        }
        if (cp < min) throw new ParseException("overlong UTF-8 encoding", at - start);
        if (cp > 0x10FFFF) throw new ParseException("invalid UTF-8: code point above U+10FFFF", at - start);
        if (cp >= 0xD800 && cp <= 0xDFFF) throw new ParseException("invalid UTF-8: encoded surrogate", at - start);
        pos = at + need + 1;
        return cp;
    }

    // ---------------------------------------------------------------- helpers

    private void skipWhitespace() {
        while (pos < end) {
            byte b = in[pos];
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') pos++;
            else return;
        }
    }

    /** The byte at pos, or -1 at the end of input. */
    private int peek() {
        return pos < end ? in[pos] & 0xFF : -1;
    }

    private void expect(char c, String where) {
        if (peek() != c) throw error("expected '" + c + "' " + where + ", found " + describe(pos));
        pos++;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private ParseException error(String problem) {
        return new ParseException(problem, pos - start);
    }

    /** Describes the input at {@code at} for a message: "'x'", "byte 0xff" or "end of input". */
    private String describe(int at) {
        if (at >= end) return "end of input";
        return describeByte(in[at] & 0xFF);
    }

    private static String describeByte(int b) {
        if (b >= 0x21 && b < 0x7F) return "'" + (char) b + "'";
        return "byte 0x" + hex2(b);
    }

    private static String printable(int b) {
        return (b >= 0x21 && b < 0x7F) ? String.valueOf((char) b) : "0x" + hex2(b);
    }

    private static String hex2(int b) {
        return String.format("%02x", b);
    }

    private static String hex4s(char c) {
        return String.format("%04x", (int) c);
    }
}
