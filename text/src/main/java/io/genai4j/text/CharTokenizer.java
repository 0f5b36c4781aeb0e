package io.genai4j.text;

import java.util.Arrays;

/**
 * One token per Unicode code point, vocabulary = the sorted distinct code points of a text (what
 * nanoGPT does with {@code sorted(set(text))}: 65 symbols for tiny Shakespeare).
 *
 * <p>Code points, not UTF-16 chars, so an emoji is one token; a lone surrogate is its own code point
 * in Java's iteration, so even malformed strings round-trip exactly. A character outside the
 * vocabulary is a user error (there is no {@code <unk>}: build the vocabulary from the whole corpus).
 */
public final class CharTokenizer implements Tokenizer {
    private final int[] codePoints; // sorted; id = index

    private CharTokenizer(int[] sortedDistinct) {
        this.codePoints = sortedDistinct;
    }

    /** The vocabulary of {@code text}: every code point it contains. */
    public static CharTokenizer fit(String text) {
        return new CharTokenizer(text.codePoints().sorted().distinct().toArray());
    }

    /** Rebuilds a tokenizer from a saved vocabulary (sorted distinct code points). */
    public static CharTokenizer of(int[] sortedCodePoints) {
        for (int i = 1; i < sortedCodePoints.length; i++) {
            if (sortedCodePoints[i] <= sortedCodePoints[i - 1]) {
                throw new IllegalArgumentException("char vocabulary must be sorted and distinct");
            }
        }
        return new CharTokenizer(sortedCodePoints.clone());
    }

    public int[] codePoints() {
        return codePoints.clone();
    }

    /** The id of a code point, or -1 when it is not in the vocabulary. */
    public int idOf(int codePoint) {
        int i = Arrays.binarySearch(codePoints, codePoint);
        return i >= 0 ? i : -1;
    }

    @Override
    public int[] encode(String text) {
        int[] ids = new int[text.codePointCount(0, text.length())];
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int id = idOf(cp);
            if (id < 0) {
                throw new IllegalArgumentException("character " + describe(cp) + " is not in the vocabulary of "
                        + codePoints.length + " characters");
            }
            ids[n++] = id;
            i += Character.charCount(cp);
        }
        return ids;
    }

    @Override
    public String decode(int[] ids) {
        StringBuilder b = new StringBuilder(ids.length);
        for (int id : ids) b.appendCodePoint(codePoints[id]);
        return b.toString();
    }

    @Override
    public int vocabSize() {
        return codePoints.length;
    }

    @Override
    public String display(int id) {
        return Tokenizer.visible(new String(Character.toChars(codePoints[id])));
    }

    @Override
    public String kind() {
        return "char";
    }

    static String describe(int cp) {
        String shown = Character.isISOControl(cp) || Character.isSurrogate((char) cp) && cp < 0x10000
                ? "" : "'" + new String(Character.toChars(cp)) + "' ";
        return shown + String.format("(U+%04X)", cp);
    }
}
