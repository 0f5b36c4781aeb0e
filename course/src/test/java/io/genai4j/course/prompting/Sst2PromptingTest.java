package io.genai4j.course.prompting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.prompt.Example;
import io.genai4j.llm.prompt.FewShotPrompt;
import io.genai4j.models.bert.Sst2;
import java.util.List;
import org.junit.jupiter.api.Test;

class Sst2PromptingTest {
    static final Sst2 TRAIN = new Sst2(List.of("bad", "a truly great movie", "great", "a dull and boring film", "another dull boring film",
            "a fine great film indeed"), new int[] {0, 1, 1, 0, 0, 1});
    static final Sst2 TEST = new Sst2(List.of("a great ride", "so dull", "meh"), new int[] {1, 0, 1});

    @Test
    void thePoolAlternatesLabelsAndSkipsPhrases() {
        assertEquals(List.of(new Example("a dull and boring film", "negative"), new Example("a fine great film indeed", "positive")),
                Sst2Prompting.pool(TRAIN, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> Sst2Prompting.pool(TRAIN, 3, 3));
    }

    @Test
    void accuracyCountsTheLabelTheReplyNamesAndTheNearestDemonstrationReachesThePrompt() {
        List<Example> pool = Sst2Prompting.pool(TRAIN, 2, 3);
        // a "model" that copies the label of the demonstration just before the query
        ScriptedModel copier = new ScriptedModel(r -> {
            List<ChatMessage> m = r.messages();
            return m.size() >= 3 ? "It is " + m.get(m.size() - 2).content() + "." : "unsure";
        });
        // embedding: 1 on the first axis for sentences with "dull", else on the second
        var selector = Sst2Prompting.selector(Sst2Prompting.Selection.NEAREST, pool, 0,
                s -> s.contains("dull") ? new float[] {1, 0} : new float[] {0, 1});
        PromptScore nearest = Sst2Prompting.run(copier, TEST, 10, new FewShotPrompt(Sst2Prompting.SYSTEM, Sst2Prompting.INPUT, selector, 2), "nearest", 4, n -> {});
        assertEquals(3, nearest.total());
        assertEquals(3, nearest.correct(), "the nearest demonstration has the right label for every test sentence");
        var fixed = Sst2Prompting.selector(Sst2Prompting.Selection.FIXED, pool, 0, null);
        PromptScore first = Sst2Prompting.run(copier, TEST, 10, new FewShotPrompt(Sst2Prompting.SYSTEM, Sst2Prompting.INPUT, fixed, 2), "fixed", 4, n -> {});
        assertEquals(2, first.correct(), "the fixed pair always ends with the positive demonstration");
        PromptScore zero = Sst2Prompting.run(copier, TEST, 2, FewShotPrompt.zeroShot(Sst2Prompting.SYSTEM, Sst2Prompting.INPUT), "zero", 4, n -> {});
        assertEquals(new PromptScore("zero", 0, 2, 2, 0, 22), zero);
    }
}
