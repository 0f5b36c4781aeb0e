package io.genai4j.course.ladder;

import io.genai4j.text.CharTokenizer;
import io.genai4j.text.Corpus;

/**
 * What every rung is trained and measured on: the corpus, its nanoGPT split, the character
 * vocabulary of the whole corpus, a seed and how many characters of sample to show.
 */
public record LadderData(Corpus corpus, String train, String val, CharTokenizer chars, long seed, int sampleChars) {
    public static LadderData of(Corpus corpus, long seed, int sampleChars) {
        Corpus.Split s = corpus.split();
        return new LadderData(corpus, s.train(), s.val(), CharTokenizer.fit(corpus.text()), seed, sampleChars);
    }

    /** Number of characters (code points) in the validation split: the per-char denominator. */
    public long valChars() {
        return Corpus.characters(val);
    }
}
