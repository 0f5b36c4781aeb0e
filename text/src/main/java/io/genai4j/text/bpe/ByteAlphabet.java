package io.genai4j.text.bpe;

import java.util.Arrays;

/**
 * GPT-2's {@code bytes_to_unicode}: a reversible map from the 256 byte values to 256 printable
 * Unicode characters, so that BPE tokens (byte strings) can be stored as readable strings in
 * {@code encoder.json} and {@code vocab.bpe}. Printable Latin-1 bytes map to themselves; the other
 * 68 (controls, space, ...) map to U+0100 and up, in byte order. A space becomes {@code Ġ} (U+0120).
 */
public final class ByteAlphabet {
    private static final char[] BYTE_TO_CHAR = new char[256];
    private static final int[] CHAR_TO_BYTE = new int[324];
    /** The byte values in the order GPT-2 lists them; GPT-2's ids 0..255 follow this order. */
    private static final int[] BYTE_ORDER = new int[256];

    static {
        Arrays.fill(CHAR_TO_BYTE, -1);
        int k = 0;
        for (int b = 0; b < 256; b++) {
            if (printable(b)) {
                BYTE_TO_CHAR[b] = (char) b;
                BYTE_ORDER[k++] = b;
            }
        }
        int n = 0;
        for (int b = 0; b < 256; b++) {
            if (!printable(b)) {
                BYTE_TO_CHAR[b] = (char) (256 + n++);
                BYTE_ORDER[k++] = b;
            }
        }
        for (int b = 0; b < 256; b++) CHAR_TO_BYTE[BYTE_TO_CHAR[b]] = b;
    }

    private ByteAlphabet() {}

    private static boolean printable(int b) {
        return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
    }

    public static char charOf(int b) {
        return BYTE_TO_CHAR[b & 0xff];
    }

    /** The byte a character of the alphabet stands for, or -1 if it is not in the alphabet. */
    public static int byteOf(char c) {
        return c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
    }

    /** The i-th byte in GPT-2's listing order ({@code i} = GPT-2's id of that single-byte token). */
    public static int byteAt(int i) {
        return BYTE_ORDER[i];
    }

    /** Bytes as a token string in this alphabet. */
    public static String encode(byte[] bytes, int from, int to) {
        char[] cs = new char[to - from];
        for (int i = from; i < to; i++) cs[i - from] = BYTE_TO_CHAR[bytes[i] & 0xff];
        return new String(cs);
    }

    /** A token string back to its bytes; a character outside the alphabet is an error. */
    public static byte[] decode(String token) {
        byte[] out = new byte[token.length()];
        for (int i = 0; i < out.length; i++) {
            int b = byteOf(token.charAt(i));
            if (b < 0) throw new IllegalArgumentException("not a byte-level BPE token: " + token);
            out[i] = (byte) b;
        }
        return out;
    }
}
