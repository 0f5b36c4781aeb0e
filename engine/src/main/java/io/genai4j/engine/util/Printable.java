package io.genai4j.engine.util;

/**
 * Makes text that came from a file, a header or a hub listing safe to show on a terminal: control
 * characters (ESC sequences, bells, carriage returns, bidi overrides) are escaped as {@code \xNN} or
 * {@code \}{@code uNNNN}, and a value longer than a message can hold is cut with the count of what
 * was left out. Error messages quote every value they did not write themselves through here.
 */
public final class Printable {
    /** The default cut for a value quoted in a one-line message. */
    public static final int MAX_CHARS = 120;

    private Printable() {}

    /** The value, escaped and cut to {@link #MAX_CHARS}; "null" for null. */
    public static String of(CharSequence value) {
        return of(value, MAX_CHARS);
    }

    /** The value, escaped and cut to at most {@code maxChars} characters of its own (plus a note). */
    public static String of(CharSequence value, int maxChars) {
        if (value == null) return "null";
        int n = value.length();
        int keep = Math.min(n, Math.max(0, maxChars));
        StringBuilder sb = new StringBuilder(Math.min(keep, 4096) + 24);
        for (int i = 0; i < keep; i++) {
            char c = value.charAt(i);
            if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c == '\t') sb.append("\\t");
            else if (c < 0x20 || c == 0x7f) sb.append(String.format("\\x%02x", (int) c));
            else if (isInvisibleControl(c)) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        if (keep < n) sb.append("…(").append(n - keep).append(" more chars)");
        return sb.toString();
    }

    /** C1 controls and the bidi / zero-width formatting characters that can disguise text. */
    private static boolean isInvisibleControl(char c) {
        return (c >= 0x80 && c <= 0x9f)
                || (c >= 0x200b && c <= 0x200f)
                || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0xfeff;
    }
}
