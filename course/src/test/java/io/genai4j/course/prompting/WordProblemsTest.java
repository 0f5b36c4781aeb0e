package io.genai4j.course.prompting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WordProblemsTest {
    /** The oracle: reads the problem's sentences back and does the arithmetic, independently of the generator. */
    static long solve(String question) {
        Matcher start = Pattern.compile("^\\w+ has (\\d+) ").matcher(question);
        assertTrue(start.find(), question);
        long have = Long.parseLong(start.group(1));
        Matcher step = Pattern.compile("Then \\w+ (finds|gets|gives|buys) (\\d+)(?: more| away| packs with (\\d+) \\w+ in each pack)").matcher(question);
        while (step.find()) {
            long a = Long.parseLong(step.group(2));
            have += switch (step.group(1)) {
                case "gives" -> -a;
                case "buys" -> a * Long.parseLong(step.group(3));
                default -> a;
            };
            assertTrue(have >= 0, "never negative: " + question);
        }
        return have;
    }

    @Test
    void everyAnswerIsWhatTheTextSaysAndEveryStepIsInTheText() {
        List<WordProblem> ps = WordProblems.generate(300, 4, 18);
        for (WordProblem p : ps) {
            assertEquals(solve(p.question()), p.answer(), p.question());
            assertEquals(4, p.question().split("Then ").length - 1, p.question());
            assertTrue(p.question().endsWith("have now?"), p.question());
        }
    }

    @Test
    void theSeedFixesTheProblems() {
        assertEquals(WordProblems.generate(5, 3, 1), WordProblems.generate(5, 3, 1));
        assertNotEquals(WordProblems.generate(5, 3, 1), WordProblems.generate(5, 3, 2));
    }
}
