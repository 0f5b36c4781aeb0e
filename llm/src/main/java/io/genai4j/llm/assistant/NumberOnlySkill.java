package io.genai4j.llm.assistant;

import io.genai4j.llm.chat.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A skill the shipped assistant does not have, for the LoRA skills lesson: an answer format. The
 * user ends a calculator question with "Reply with the number only." and the assistant, after
 * calling the calculator as usual, answers with the bare result ("12") instead of a sentence ("The
 * answer is 12."). The questions are {@link AssistantData#calculation}'s, so only the format is new;
 * the evaluation wants the final answer to be exactly the number.
 */
public final class NumberOnlySkill implements AssistantSkill {
    /** Its name on the command line. */
    public static final String NAME = "number-only";
    /** The instruction that asks for the format. */
    public static final String INSTRUCTION = "Reply with the number only.";
    private final AssistantData data;

    public NumberOnlySkill(long seed) {
        this.data = new AssistantData(seed);
    }

    /** The next conversation: question with the instruction, the calculator call and result, the bare number. */
    @Override
    public AssistantData.Sample next() {
        AssistantData.Sample s = data.calculation();
        String question = s.question() + " " + INSTRUCTION;
        List<ChatMessage> conv = new ArrayList<>(s.conversation());
        conv.set(0, ChatMessage.user(question));
        conv.set(conv.size() - 1, ChatMessage.assistant(s.expected()));
        return new AssistantData.Sample(question, s.tool(), s.expected(), List.copyOf(conv), s.notes(), s.now());
    }
}
