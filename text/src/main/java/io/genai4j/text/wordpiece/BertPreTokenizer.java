package io.genai4j.text.wordpiece;

import java.util.ArrayList;
import java.util.List;

/**
 * BERT's word splitting (after normalisation): split on whitespace, which is dropped, and make
 * every punctuation character a word of its own. "don't stop!" → [don, ', t, stop, !].
 */
public final class BertPreTokenizer {
    private BertPreTokenizer() {}

    public static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;   // start of the current word, or -1
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (UnicodeClasses.isWhitespace(cp) || UnicodeClasses.isPunctuation(cp)) {
                if (start >= 0) words.add(text.substring(start, i));
                start = -1;
                if (!UnicodeClasses.isWhitespace(cp)) words.add(text.substring(i, i + n));
            } else if (start < 0) {
                start = i;
            }
            i += n;
        }
        if (start >= 0) words.add(text.substring(start));
        return words;
    }
}
