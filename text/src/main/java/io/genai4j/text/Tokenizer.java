package io.genai4j.text;

import java.nio.charset.StandardCharsets;

/**
 * Text to integer ids and back: the first step of every language model in the course.
 *
 * <p>Ids run from 0 to {@code vocabSize() - 1}. Whether {@code decode(encode(s))} gives back
 * {@code s} exactly depends on the tokenizer: characters and byte-level BPE are lossless (BPE maps
 * a lone UTF-16 surrogate to U+FFFD, as every UTF-8 encoder must); words drop the spacing and
 * rebuild a readable one.
 */
public interface Tokenizer {
    int[] encode(String text);

    String decode(int[] ids);

    int vocabSize();

    /** A readable form of one token, for tables ({@code "\n"} is shown as {@code ⏎}, etc.). */
    String display(int id);

    /** A short name for reports: {@code char}, {@code word}, {@code bpe}. */
    String kind();

    /**
     * The UTF-8 bytes one token adds to a text as generation streams it. A byte-level token may
     * carry part of a character; for a character tokenizer it is the character itself.
     */
    default byte[] piece(int id) {
        return decode(new int[] {id}).getBytes(StandardCharsets.UTF_8);
    }

    /** True when the token ends a generation (EOS, end of turn); a tokenizer without such tokens never ends one. */
    default boolean isEndOfGeneration(int id) {
        return false;
    }

    /** Makes whitespace and control characters visible in a one-line table cell. */
    static String visible(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '\n' -> b.append('⏎');
                case '\t' -> b.append('⇥');
                case ' ' -> b.append('␣');
                case '\r' -> b.append("\\r");
                default -> {
                    if (Character.isISOControl(cp)) b.append(String.format("\\u%04x", cp));
                    else b.appendCodePoint(cp);
                }
            }
        });
        return b.toString();
    }
}
