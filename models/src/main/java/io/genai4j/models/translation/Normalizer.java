package io.genai4j.models.translation;

import java.text.Normalizer.Form;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How every sentence is cleaned before training and scoring (the same for source, target and
 * reference): Unicode NFC; lower case; no-break and thin spaces (French puts them before ! ? : ;)
 * become plain spaces; soft hyphens and zero-width spaces go; curly quotes become ', dashes -, the
 * ellipsis character "..."; runs of whitespace become one space. Accents are kept.
 */
public final class Normalizer {
    private Normalizer() {}

    private static final Pattern SPACES = Pattern.compile("\\s+");

    public static String normalize(String s) {
        String t = java.text.Normalizer.normalize(s, Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '\u00a0', '\u202f', '\u2009', '\u2007', '\t' -> b.append(' ');
                case '\u00ad', '\u200b', '\ufeff' -> { }
                case '\u2018', '\u2019', '\u02bc' -> b.append('\'');
                case '\u201c', '\u201d' -> b.append('"');
                case '\u2010', '\u2011', '\u2013', '\u2014' -> b.append('-');
                case '\u2026' -> b.append("...");
                default -> b.append(c);
            }
        }
        return SPACES.matcher(b).replaceAll(" ").strip();
    }

    /** Number of whitespace-separated words: the length limit of the classic tutorials. */
    public static int words(String normalized) {
        return normalized.isEmpty() ? 0 : normalized.split(" ").length;
    }
}
