package io.genai4j.course.prompting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.course.prompting.ArithmeticPrompting.Mode;
import io.genai4j.llm.chat.PromptTooLongException;
import io.genai4j.llm.prompt.ChainOfThought;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With a model that solves a problem only when asked to reason, and when sampling only for two
 * seeds out of three, each mode scores what it should: the lesson's bookkeeping, not a model, is tested.
 */
class ArithmeticPromptingTest {
    static final List<WordProblem> PROBLEMS = WordProblems.generate(6, 3, 5);
    static final ArithmeticPrompting.Settings SETTINGS = new ArithmeticPrompting.Settings(8, 64, 3, 0.7f, 100);

    static final ScriptedModel MODEL = new ScriptedModel(r -> {
        String q = ScriptedModel.lastUser(r);
        String problem = q.substring(0, q.lastIndexOf('\n'));
        long right = WordProblemsTest.solve(problem);
        if (q.endsWith(ChainOfThought.DIRECT)) return "7";
        if (r.options().temperature() == 0) return "Step by step... The answer is " + right + ".";
        return r.options().seed() == 101 ? "The answer is " + (right + 1) + "." : "So the answer is " + right;
    });

    @Test
    void eachModeIsScoredByItsExtractedAnswerAndTokensCountEverySample() {
        PromptScore direct = ArithmeticPrompting.run(MODEL, PROBLEMS, Mode.DIRECT, SETTINGS, n -> {});
        long sevens = PROBLEMS.stream().filter(p -> p.answer() == 7).count();
        assertEquals(sevens, direct.correct());
        assertEquals(11L * PROBLEMS.size(), direct.tokens());
        PromptScore cot = ArithmeticPrompting.run(MODEL, PROBLEMS, Mode.COT, SETTINGS, n -> {});
        assertEquals(PROBLEMS.size(), cot.correct());
        int[] done = {0};
        PromptScore sc = ArithmeticPrompting.run(MODEL, PROBLEMS, Mode.SELF_CONSISTENCY, SETTINGS, n -> done[0] += n);
        assertEquals(PROBLEMS.size(), sc.correct(), "two of three samples are right: the vote is");
        assertEquals(3 * 11L * PROBLEMS.size(), sc.tokens());
        assertEquals("self-consistency k=3", sc.method());
        assertEquals(PROBLEMS.size(), done[0]);
    }

    @Test
    void aReplyWithoutANumberIsUnansweredAndWrong() {
        PromptScore s = ArithmeticPrompting.run(new ScriptedModel(r -> "no idea"), PROBLEMS, Mode.COT, SETTINGS, n -> {});
        assertEquals(0, s.correct());
        assertEquals(PROBLEMS.size(), s.unanswered());
    }

    @Test
    void aPromptLongerThanTheContextIsWrongAndTheRunGoesOn() {
        ScriptedModel small = new ScriptedModel(r -> {
            String q = ScriptedModel.lastUser(r);
            if (WordProblemsTest.solve(q.substring(0, q.lastIndexOf('\n'))) % 2 == 0) throw new PromptTooLongException(300, 192, true);
            return "The answer is 0.";
        });
        long named = PROBLEMS.stream().filter(p -> p.answer() % 2 == 0).count();
        assertTrue(named > 0 && named < PROBLEMS.size(), "some problems overflow, not all");
        PromptScore s = ArithmeticPrompting.run(small, PROBLEMS, Mode.SELF_CONSISTENCY, SETTINGS, n -> {});
        assertEquals(named, s.tooLong());
        assertEquals(3 * 11L * (PROBLEMS.size() - named), s.tokens());
    }
}
