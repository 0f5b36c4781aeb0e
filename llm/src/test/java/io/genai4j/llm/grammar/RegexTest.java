package io.genai4j.llm.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Regex grammars agree with java.util.regex (the oracle) on random strings and on strings the pattern matches. */
class RegexTest {
    private static final List<String> PATTERNS = List.of("[0-9]{3}-[a-z]{2,4}", "(ab|a)*c?", "\\d+(\\.\\d{1,2})?", "[^a-c]{1,3}x+",
            "(?:foo|bar)+baz{0,2}", "a.b", "[\\w.-]+@[a-z]+\\.(com|org)", "\\s*\\S+\\s*", "(x(y(z)?)?)+", "[a\\-z]+", "é[α-γ]?…");
    private static final char[] ALPHABET = "abcxyz019.-@ \téα…foobarbzqo".toCharArray();

    @Test
    void agreesWithJavaRegexOnRandomStrings() {
        SplittableRandom r = new SplittableRandom(3);
        int positives = 0;
        for (String p : PATTERNS) {
            ByteAutomaton a = ByteAutomaton.compile(Regex.grammar(p));
            Pattern oracle = Pattern.compile(p);
            for (int i = 0; i < 3000; i++) {
                StringBuilder s = new StringBuilder();
                int n = r.nextInt(9);
                for (int k = 0; k < n; k++) s.append(ALPHABET[r.nextInt(ALPHABET.length)]);
                boolean expected = oracle.matcher(s).matches();
                if (expected) positives++;
                assertEquals(expected, a.matches(s.toString()), p + " on " + s);
            }
            for (String sample : RandomDecodingSamples.of(a, r, 50)) assertTrue(oracle.matcher(sample).matches(), p + " generated " + sample);
        }
        assertTrue(positives > 100, "the random strings include matches: " + positives);
    }

    @Test
    void unsupportedConstructsAreNamed() {
        assertTrue(assertThrows(GrammarException.class, () -> Regex.grammar("a(?=b)")).getMessage().contains("look-around"));
        assertTrue(assertThrows(GrammarException.class, () -> Regex.grammar("(a)\\1")).getMessage().contains("back-references"));
        assertTrue(assertThrows(GrammarException.class, () -> Regex.grammar("a\\b")).getMessage().contains("word boundaries"));
        assertTrue(assertThrows(GrammarException.class, () -> Regex.grammar("a)")).getMessage().contains("unbalanced"));
        assertTrue(assertThrows(GrammarException.class, () -> Regex.grammar("a{3,1}")).getMessage().contains("max < min"));
    }
}
