package io.genai4j.text.wordpiece;

/**
 * A token matched as a whole in the text before WordPiece sees it, such as [CLS] or [MASK]
 * (tokenizer.json's "added_tokens"). normalized=false tokens are matched in the raw text;
 * lstrip/rstrip also swallow the whitespace on that side; singleWord only matches when the
 * token is not inside a word.
 */
public record AddedToken(int id, String content, boolean special, boolean normalized, boolean lstrip, boolean rstrip, boolean singleWord) {

    /** A special token as BERT vocabularies define them: matched exactly in the raw text. */
    public static AddedToken special(int id, String content) {
        return new AddedToken(id, content, true, false, false, false, false);
    }
}
