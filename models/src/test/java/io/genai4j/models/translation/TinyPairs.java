package io.genai4j.models.translation;

import java.util.List;

/** A handful of built-in English-French pairs, so tests need no data file. */
public final class TinyPairs {
    private TinyPairs() {}

    public static final List<Pair> PAIRS = List.of(
            new Pair("i am cold .", "j'ai froid ."),
            new Pair("i am tired .", "je suis fatigué ."),
            new Pair("he is tall .", "il est grand ."),
            new Pair("she is happy .", "elle est heureuse ."),
            new Pair("we are late .", "nous sommes en retard ."),
            new Pair("the cat sleeps .", "le chat dort ."),
            new Pair("the dog eats .", "le chien mange ."),
            new Pair("i love you .", "je t'aime ."),
            new Pair("where is the station ?", "où est la gare ?"),
            new Pair("thank you very much .", "merci beaucoup ."));

    /** A vocabulary learned from the pairs (byte-level: any text encodes). */
    public static SharedVocab vocab() {
        return SharedVocab.train(PAIRS, 300);
    }
}
