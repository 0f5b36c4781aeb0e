package io.genai4j.text.wordpiece;

import java.util.Map;

/**
 * The WordPiece model (Schuster and Nakajima 2012; as used by BERT): a word is cut greedily into
 * the longest vocabulary pieces from the left, every piece after the first carrying the
 * continuation prefix "##": "unaffable" → un, ##aff, ##able. A word with any part that matches no
 * piece, or longer than maxInputChars characters, becomes the single unknown token.
 */
public final class WordPiece {
    private final Map<String, Integer> vocab;
    private final int unkId;
    private final String prefix;
    private final int maxInputChars;

    public WordPiece(Map<String, Integer> vocab, String unkToken, String prefix, int maxInputChars) {
        this.vocab = vocab;
        Integer unk = vocab.get(unkToken);
        if (unk == null) throw new IllegalArgumentException("the unknown token '" + unkToken + "' is not in the vocabulary");
        this.unkId = unk;
        this.prefix = prefix;
        this.maxInputChars = maxInputChars;
    }

    /** Appends the ids of one word's pieces to out. */
    public void tokenize(String word, IntList out) {
        if (word.codePointCount(0, word.length()) > maxInputChars) {
            out.add(unkId);
            return;
        }
        int mark = out.size();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            Integer id = null;
            while (start < end) {
                String piece = word.substring(start, end);
                id = vocab.get(start > 0 ? prefix + piece : piece);
                if (id != null) break;
                end = word.offsetByCodePoints(end, -1);   // shorten by one character, never split a surrogate pair
            }
            if (id == null) {
                out.truncate(mark);
                out.add(unkId);
                return;
            }
            out.add(id);
            start = end;
        }
    }

    public int unkId() {
        return unkId;
    }

    public String prefix() {
        return prefix;
    }
}
