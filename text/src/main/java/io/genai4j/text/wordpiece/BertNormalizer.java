package io.genai4j.text.wordpiece;

import java.text.Normalizer;

/**
 * BERT's text normalisation, in the order Hugging Face tokenizers applies it (BertNormalizer):
 * <ol>
 *   <li>clean text: drop NUL, U+FFFD and control/format/unassigned characters (Unicode category C,
 *       except tab, newline and carriage return), and turn every whitespace character into ' ';
 *   <li>CJK spacing: put spaces around every CJK ideograph, so each becomes its own word (the
 *       BERT vocabularies hold single ideographs, not words);
 *   <li>strip accents (by default when lower-casing): canonical decomposition (NFD), then drop the
 *       non-spacing marks (category Mn), so "é" becomes "e";
 *   <li>lower-case, code point by code point (İ becomes "i̇", as in Unicode's full lower-case map).
 * </ol>
 */
public record BertNormalizer(boolean cleanText, boolean handleChineseChars, boolean stripAccents, boolean lowercase) {

    /** The uncased BERT setting (bert-base-uncased, all-MiniLM-L6-v2, BGE). */
    public static BertNormalizer uncased() {
        return new BertNormalizer(true, true, true, true);
    }

    /** The cased BERT setting: no lower-casing, accents kept. */
    public static BertNormalizer cased() {
        return new BertNormalizer(true, true, false, false);
    }

    public String normalize(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cleanText) {
                if (cp == 0 || cp == 0xFFFD || UnicodeClasses.isControl(cp)) continue;
                if (UnicodeClasses.isWhitespace(cp)) cp = ' ';
            }
            if (handleChineseChars && UnicodeClasses.isCjk(cp)) {
                b.append(' ').appendCodePoint(cp).append(' ');
            } else {
                b.appendCodePoint(cp);
            }
        }
        String s = b.toString();
        if (stripAccents) s = stripAccents(s);
        if (lowercase) s = lowercase(s);
        return s;
    }

    /** NFD, then drop non-spacing marks. */
    static String stripAccents(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(d.length());
        d.codePoints().forEach(cp -> {
            if (Character.getType(cp) != Character.NON_SPACING_MARK) b.appendCodePoint(cp);
        });
        return b.toString();
    }

    /**
     * Per-code-point full lower-casing. Not String.toLowerCase: that one applies context rules
     * (final sigma) that a per-character mapping does not, and BERT tokenizers map Σ to σ always.
     */
    static String lowercase(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == 0x130) b.append("i\u0307");   // the one unconditional multi-char lower-case mapping
            else b.appendCodePoint(Character.toLowerCase(cp));
        });
        return b.toString();
    }
}
