package io.genai4j.llm.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.genai4j.llm.chat.ChatMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class FewShotPromptTest {
    static final PromptTemplate INPUT = PromptTemplate.of("Sentence: {sentence}");

    @Test
    void demonstrationsAreEarlierTurnsThroughTheSameTemplate() {
        List<Example> pool = List.of(new Example("great film", "positive"), new Example("dull", "negative"), new Example("unused", "x"));
        FewShotPrompt p = new FewShotPrompt("Classify sentiment.", INPUT, ExampleSelector.fixed(pool), 2);
        assertEquals(List.of(ChatMessage.system("Classify sentiment."), ChatMessage.user("Sentence: great film"), ChatMessage.assistant("positive"),
                ChatMessage.user("Sentence: dull"), ChatMessage.assistant("negative"), ChatMessage.user("Sentence: so-so")), p.messages("so-so"));
    }

    @Test
    void zeroShotWithoutASystemPromptIsTheQueryAlone() {
        assertEquals(List.of(ChatMessage.user("Sentence: so-so")), FewShotPrompt.zeroShot("", INPUT).messages("so-so"));
        assertThrows(IllegalArgumentException.class, () -> new FewShotPrompt("", INPUT, null, 3));
    }
}
