package io.genai4j.llm.lora;

import io.genai4j.text.CharTokenizer;
import io.genai4j.text.Tokenizer;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;

/**
 * Plain-text training data: the text's tokens cut into windows, every prediction counted. A
 * character-level model (the shipped Shakespeare GPT knows 65 characters) reads a new corpus through
 * its own alphabet: accents are stripped (é → e) and characters it has no id for are dropped.
 */
public final class TextExamples {
    private TextExamples() {}

    public static List<TokenWindow> windows(String text, Tokenizer tok, int window) {
        int[] ids = tok.encode(tok instanceof CharTokenizer c ? inAlphabet(text, c) : text);
        boolean[] all = new boolean[ids.length];
        Arrays.fill(all, true);
        return TokenWindow.of(ids, all, window);
    }

    /** The text with accents stripped and the characters outside the tokenizer's alphabet removed. */
    public static String inAlphabet(String text, CharTokenizer tok) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(plain.length());
        plain.codePoints().filter(cp -> tok.idOf(cp) >= 0).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /**
     * The {@code column}-th (1-based) tab-separated field of each line, lines joined by newlines: one
     * side of a translation-pairs file (fra.txt: English, French, attribution).
     */
    public static String column(String tsv, int column) {
        StringBuilder sb = new StringBuilder();
        for (String line : tsv.split("\n")) {
            String[] f = line.split("\t");
            if (f.length >= column && !f[column - 1].isBlank()) sb.append(f[column - 1].strip()).append('\n');
        }
        return sb.toString();
    }
}
