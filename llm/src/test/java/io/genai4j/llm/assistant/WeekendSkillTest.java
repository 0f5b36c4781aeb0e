package io.genai4j.llm.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.llm.agent.builtin.CurrentTime;
import io.genai4j.llm.chat.ChatMessage;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The weekend skill's data: the clock's weekday decides yes or no, half of each, no digits to copy; replay mixes the old conversations in. */
class WeekendSkillTest {
    @Test
    void theAnswerFollowsTheClocksWeekdayWithoutDigits() {
        int yes = 0, n = 400;
        for (AssistantData.Sample s : new WeekendSkill(3).take(n)) {
            List<ChatMessage> c = s.conversation();
            assertEquals(4, c.size());
            assertEquals(CurrentTime.NAME, c.get(1).toolCalls().getFirst().name());
            assertEquals("{}", c.get(1).toolCalls().getFirst().arguments(), "the call takes no argument");
            String result = c.get(2).content(), day = result.split(" ")[0];
            assertEquals(CurrentTime.format(s.now().atZone(ZoneOffset.UTC), "UTC"), result, "what the real tool answers at that moment");
            java.time.DayOfWeek d = s.now().atZone(ZoneOffset.UTC).getDayOfWeek();
            boolean weekend = d == java.time.DayOfWeek.SATURDAY || d == java.time.DayOfWeek.SUNDAY;
            String want = (weekend ? "Yes" : "No") + ", it is " + day + ".";
            assertEquals(want, c.getLast().content());
            assertEquals(want, s.expected());
            assertFalse(want.matches(".*\\d.*"));
            if (weekend) yes++;
        }
        assertTrue(yes > n * 0.4 && yes < n * 0.6, yes + " of " + n + " on a weekend");
    }

    @Test
    void seedsAndHeldOutQuestionsDiffer() {
        assertEquals(expected(new WeekendSkill(5).take(30)), expected(new WeekendSkill(5).take(30)));
        assertNotEquals(questionsAndDays(new WeekendSkill(5).take(30)), questionsAndDays(new WeekendSkill(AssistantSkill.HELD_OUT_SEED).take(30)));
    }

    @Test
    void replayMixesTheAssistantsOwnConversationsInAtTheShareAsked() {
        List<AssistantData.Sample> none = AssistantSkill.withReplay(new WeekendSkill(9), 200, 0, 9);
        assertTrue(none.stream().allMatch(s -> s.expected().matches("(Yes|No), it is [A-Z][a-z]+\\.")));
        List<AssistantData.Sample> half = AssistantSkill.withReplay(new WeekendSkill(9), 400, 0.5, 9);
        long own = half.stream().filter(s -> !s.expected().matches("(Yes|No), it is [A-Z][a-z]+\\.")).count();
        assertTrue(own > 160 && own < 240, own + " of 400 replayed");
        assertThrows(IllegalArgumentException.class, () -> AssistantSkill.withReplay(new WeekendSkill(9), 10, 1, 9));
        assertThrows(IllegalArgumentException.class, () -> AssistantSkill.named("haiku", 1));
    }

    private static List<String> expected(List<AssistantData.Sample> s) {
        return s.stream().map(x -> x.question() + "|" + x.expected() + "|" + x.now()).toList();
    }

    private static List<String> questionsAndDays(List<AssistantData.Sample> s) {
        return s.stream().map(x -> x.now().toString()).toList();
    }
}
