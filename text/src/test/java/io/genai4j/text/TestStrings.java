package io.genai4j.text;

/** String helpers for tokenizer tests. */
public final class TestStrings {
    private TestStrings() {}

    /** {@code s} with every lone surrogate replaced by U+FFFD: what survives a trip through UTF-8. */
    public static String wellFormed(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else {
                b.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }
}
