package io.genai4j.text.bpe;

/**
 * UTF-8 encoding as the WHATWG {@code TextEncoder} (and Python's {@code errors="replace"}) does it: a
 * lone surrogate becomes U+FFFD (EF BF BD). {@code String.getBytes(UTF_8)} would write {@code ?}
 * instead, and give different token ids than the GPT-2 reference.
 */
final class Utf8 {
    private Utf8() {}

    /** Encodes {@code s[from, to)} into {@code out} (at least 3 bytes per char) and returns the length. */
    static int encode(CharSequence s, int from, int to, byte[] out) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | c >> 6);
                out[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[n++] = (byte) (0xF0 | cp >> 18);
                out[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | cp & 0x3F);
            } else {
                if (Character.isSurrogate(c)) c = '\uFFFD';
                out[n++] = (byte) (0xE0 | c >> 12);
                out[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return n;
    }
}
