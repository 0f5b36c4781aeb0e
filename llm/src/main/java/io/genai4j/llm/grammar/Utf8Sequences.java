package io.genai4j.llm.grammar;

import java.util.ArrayList;
import java.util.List;

/**
 * A range of code points as UTF-8 byte-range sequences (the construction of regex engines such as
 * RE2 and Rust's regex-syntax): each sequence is 1–4 byte ranges {@code [lo, hi]} whose product is
 * exactly the encodings of a sub-range, so a class of code points becomes a byte-level grammar and
 * a character may be split across tokens.
 */
final class Utf8Sequences {
    private Utf8Sequences() {}

    private static final int[] MAX_OF_LENGTH = {0x7F, 0x7FF, 0xFFFF, 0x10FFFF};

    /** For [lo, hi] (no surrogates inside): a list of sequences, each int[2 * length] of byte ranges. */
    static List<int[]> of(int lo, int hi) {
        List<int[]> out = new ArrayList<>();
        split(lo, hi, out);
        return out;
    }

    private static void split(int lo, int hi, List<int[]> out) {
        if (lo > hi) return;
        for (int max : MAX_OF_LENGTH) {   // never mix encodings of different lengths
            if (lo <= max && hi > max) {
                split(lo, max, out);
                split(max + 1, hi, out);
                return;
            }
        }
        int n = length(lo);
        for (int i = 1; i < n; i++) {   // align on continuation-byte boundaries
            int m = (1 << (6 * i)) - 1;
            if ((lo & ~m) != (hi & ~m)) {
                if ((lo & m) != 0) {
                    split(lo, lo | m, out);
                    split((lo | m) + 1, hi, out);
                    return;
                }
                if ((hi & m) != m) {
                    split(lo, (hi & ~m) - 1, out);
                    split(hi & ~m, hi, out);
                    return;
                }
            }
        }
        byte[] a = encode(lo), b = encode(hi);
        int[] seq = new int[2 * n];
        for (int i = 0; i < n; i++) {
            seq[2 * i] = a[i] & 0xFF;
            seq[2 * i + 1] = b[i] & 0xFF;
        }
        out.add(seq);
    }

    private static int length(int cp) {
        return cp <= 0x7F ? 1 : cp <= 0x7FF ? 2 : cp <= 0xFFFF ? 3 : 4;
    }

    private static byte[] encode(int cp) {
        return new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
