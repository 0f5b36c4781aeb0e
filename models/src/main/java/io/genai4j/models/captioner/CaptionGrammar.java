package io.genai4j.models.captioner;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The small grammar the scenes are described in. Captions name the digits from left to right:
 * <pre>
 *   caption := digit ("to the left of" digit)*          digit := "a" size colour NUMBER
 *   size := "large" | "small"      colour := "red" | "green" | "blue" | "yellow"
 * </pre>
 * e.g. "a large red 7 to the left of a small blue 2". Questions (GIT's VQA mode: the question is
 * the text prefix, the answer the continuation) are "how many digits ?", "which digit is red ?",
 * "what colour is the 7 ?" and "is the 7 large or small ?"; digits and colours are distinct within
 * a scene, so every answer is one word.
 */
public final class CaptionGrammar {
    private static final String[] COUNTS = {"one", "two", "three"};

    private CaptionGrammar() {}

    public static String caption(Scene s) {
        List<String> parts = new ArrayList<>();
        for (Scene.Placed p : s.digits()) parts.add("a " + (p.large() ? "large" : "small") + " " + p.colour().word() + " " + p.digit());
        return String.join(" to the left of ", parts);
    }

    /** Every question the grammar asks about the scene, in a fixed order. */
    public static List<QuestionAnswer> questions(Scene s) {
        List<QuestionAnswer> qa = new ArrayList<>();
        qa.add(new QuestionAnswer("how many digits ?", COUNTS[s.digits().size() - 1]));
        for (Scene.Placed p : s.digits()) {
            qa.add(new QuestionAnswer("which digit is " + p.colour().word() + " ?", Integer.toString(p.digit())));
            qa.add(new QuestionAnswer("what colour is the " + p.digit() + " ?", p.colour().word()));
            qa.add(new QuestionAnswer("is the " + p.digit() + " large or small ?", p.large() ? "large" : "small"));
        }
        return qa;
    }

    /** Every word the grammar can produce, in a fixed order (the vocabulary after its special tokens). */
    public static List<String> words() {
        Set<String> w = new LinkedHashSet<>(List.of("a", "large", "small", "to", "the", "left", "of"));
        for (Colour c : Colour.values()) w.add(c.word());
        for (int d = 0; d <= 9; d++) w.add(Integer.toString(d));
        w.addAll(List.of("how", "many", "digits", "?", "which", "digit", "is", "what", "colour", "or"));
        w.addAll(List.of(COUNTS));
        return List.copyOf(w);
    }
}
