package io.genai4j.llm.assistant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.io.Json;
import io.genai4j.llm.agent.builtin.Arithmetic;
import io.genai4j.llm.agent.builtin.Calculator;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatRenderer;
import io.genai4j.llm.chat.ChatTemplate;
import io.genai4j.llm.lora.ChatExamples;
import io.genai4j.models.llama.LoadedModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The skills lesson's data: seeded, the new answer format, and as chat JSONL that renders as the assistant was trained. */
class NumberOnlySkillTest {
    @Test
    void conversationsAskForTheFormatAndAnswerWithTheCalculatorsResultAlone() {
        List<AssistantData.Sample> samples = new NumberOnlySkill(3).take(50);
        for (AssistantData.Sample s : samples) {
            assertTrue(s.question().endsWith(" " + NumberOnlySkill.INSTRUCTION), s.question());
            assertEquals(Calculator.NAME, s.tool());
            List<ChatMessage> c = s.conversation();
            assertEquals(s.question(), c.getFirst().content());
            String expression = (String) ((Map<?, ?>) Json.parse(c.get(1).toolCalls().getFirst().arguments())).get("expression");
            String result = Arithmetic.format(Arithmetic.evaluate(expression));
            assertEquals(result, c.get(2).content(), "the tool's result");
            assertEquals(result, c.getLast().content(), "the bare number");
            assertEquals(result, s.expected());
        }
    }

    @Test
    void sameSeedSameDataAnotherSeedOtherData() {
        List<String> a = lines(new NumberOnlySkill(5).take(20)), b = lines(new NumberOnlySkill(5).take(20));
        assertEquals(a, b);
        assertNotEquals(a, lines(new NumberOnlySkill(6).take(20)));
        assertNotEquals(a, lines(new NumberOnlySkill(AssistantSkill.HELD_OUT_SEED).take(20)));
    }

    /** Read back as LoRA chat data, a line gives exactly the tokens and learned positions the assistant's own training renders. */
    @Test
    void jsonLinesRenderAsTheAssistantsTrainingCorpusWithItsTools() throws Exception {
        try (LoadedModel m = TinyAssistant.load()) {
            ChatRenderer renderer = new ChatRenderer(m);
            ChatTemplate template = ChatTemplate.orDefault(m.chatTemplate());
            for (AssistantData.Sample s : new NumberOnlySkill(7).take(3)) {
                @SuppressWarnings("unchecked") Map<String, Object> line = (Map<String, Object>) Json.parse(AssistantSkill.jsonLine(s, TinyAssistant.TOOLS));
                @SuppressWarnings("unchecked") ChatExamples.Masked got = ChatExamples.mask((List<Map<String, Object>>) line.get("messages"),
                        (List<Map<String, Object>>) line.get("tools"), template, m.tokenizer());
                AssistantCorpus want = AssistantCorpus.of(List.of(s), renderer, m.tokenizer(), TinyAssistant.TOOLS);
                int n = want.size();
                int[][] w = want.window(0, n, -1);
                assertArrayEquals(w[0], got.tokens());
                for (int i = 0; i + 1 < n; i++) {
                    assertEquals(w[1][i] != -1, got.counts()[i + 1], "learned at " + (i + 1));
                }
            }
        }
    }

    private static List<String> lines(List<AssistantData.Sample> samples) {
        return samples.stream().map(s -> AssistantSkill.jsonLine(s, TinyAssistant.TOOLS)).toList();
    }
}
