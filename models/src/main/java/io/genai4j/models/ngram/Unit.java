package io.genai4j.models.ngram;

import io.genai4j.text.CharTokenizer;
import io.genai4j.text.Corpus;
import io.genai4j.text.Tokenizer;
import io.genai4j.text.WordTokenizer;
import java.util.Locale;

/** What an n-gram counts: characters or words. */
public enum Unit {
    /** Vocabulary: every character of the whole corpus (as nanoGPT), so the val split has no unknowns. */
    CHAR,
    /** Vocabulary: the training split's words and punctuation plus {@code <unk>} for the rest. */
    WORD;

    public static Unit parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "char", "chars", "character" -> CHAR;
            case "word", "words" -> WORD;
            default -> throw new IllegalArgumentException("unknown unit '" + s + "': use word or char");
        };
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    Tokenizer fitTokenizer(Corpus corpus, Corpus.Split split) {
        return this == CHAR ? CharTokenizer.fit(corpus.text()) : WordTokenizer.fit(split.train());
    }
}
