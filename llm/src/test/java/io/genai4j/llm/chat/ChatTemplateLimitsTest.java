package io.genai4j.llm.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A chat template is code from a model file: one that would loop a billion times, or grow a
 * string until the heap is gone, is stopped by {@link ChatTemplate.Limits} and reported as a bad
 * template (IllegalArgumentException), not left to hang or run out of memory.
 */
class ChatTemplateLimitsTest {
    static final String CUBE_WITH_OUTPUT = "{% for i in range(1000) %}{% for j in range(1000) %}{% for k in range(1000) %}xxxxxxxx{% endfor %}{% endfor %}{% endfor %}";
    static final String CUBE_SILENT = "{% for i in range(1000) %}{% for j in range(1000) %}{% for k in range(1000) %}{% set x = k %}{% endfor %}{% endfor %}{% endfor %}";
    static final String DOUBLING = "{% set s = 'abcdefgh' %}{% for i in range(40) %}{% set s = s + s %}{% endfor %}{{ s }}";

    private static String render(ChatTemplate t) {
        return t.render(ChatTemplate.copy(List.of(ChatTemplate.message("user", "hi"))), true, "<s>", "</s>", null);
    }

    private static IllegalArgumentException refused(ChatTemplate t) {
        return assertThrows(IllegalArgumentException.class, () -> render(t));
    }

    @Test
    void aBillionStepLoopIsStoppedQuicklyWithTheDefaultLimits() {
        for (String source : List.of(CUBE_WITH_OUTPUT, CUBE_SILENT)) {
            long t0 = System.nanoTime();
            var e = refused(new ChatTemplate(source));
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(e.getMessage().startsWith("chat template: "), e.getMessage());
            assertTrue(e.getMessage().contains("steps") || e.getMessage().contains("bytes") || e.getMessage().contains("ms"), e.getMessage());
            assertTrue(seconds < 30, "took " + seconds + " s");
        }
    }

    @Test
    void stepLimitNamesItself() {
        var e = refused(new ChatTemplate(CUBE_SILENT, new ChatTemplate.Limits(1 << 20, 10_000, 60_000)));
        assertEquals("chat template: the template ran more than 10000 steps (a runaway loop?)", e.getMessage());
    }

    @Test
    void outputLimitStopsAGrowingString() {
        var e = refused(new ChatTemplate(DOUBLING, new ChatTemplate.Limits(1 << 20, 1_000_000, 60_000)));
        assertEquals("chat template: the rendered prompt exceeds 1048576 bytes", e.getMessage());
    }

    @Test
    void outputLimitStopsPlainOutput() {
        var e = refused(new ChatTemplate(CUBE_WITH_OUTPUT, new ChatTemplate.Limits(100_000, Long.MAX_VALUE, 60_000)));
        assertEquals("chat template: the rendered prompt exceeds 100000 bytes", e.getMessage());
    }

    @Test
    void timeLimitStopsASlowRender() {
        var e = refused(new ChatTemplate(CUBE_SILENT, new ChatTemplate.Limits(1 << 20, Long.MAX_VALUE, 50)));
        assertEquals("chat template: the template ran longer than 50 ms", e.getMessage());
    }

    @Test
    void aLongRealConversationFitsTheDefaultLimits() {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (int i = 0; i < 2000; i++) messages.add(ChatTemplate.message(i % 2 == 0 ? "user" : "assistant", "message " + i + " ".repeat(200)));
        var tenth = new ChatTemplate.Limits(ChatTemplate.Limits.DEFAULT.maxOutputBytes() / 10, ChatTemplate.Limits.DEFAULT.maxSteps() / 10, 60_000);
        String out = new ChatTemplate(ChatTemplateTest.QWEN25, tenth).render(ChatTemplate.copy(messages), true, "", "", null);
        assertTrue(out.contains("message 1999"));
    }

    @Test
    void theBudgetIsPerRender() {
        ChatTemplate t = new ChatTemplate("{% for i in range(600) %}.{% endfor %}", new ChatTemplate.Limits(1 << 20, 1000, 60_000));
        for (int i = 0; i < 5; i++) assertEquals(600, render(t).length());
    }
}
