package io.genai4j.llm.assistant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatRenderer;
import io.genai4j.llm.chat.ToolSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A skill the shipped assistant does not have, for the LoRA skills lesson: an answer format. The
 * user ends a calculator question with "Reply with the number only." and the assistant, after
 * calling the calculator as usual, answers with the bare result ("12") instead of a sentence ("The
 * answer is 12."). The questions are {@link AssistantData#calculation}'s, so only the format is new;
 * the evaluation wants the final answer to be exactly the number.
 */
public final class NumberOnlySkill {
    /** The instruction that asks for the format. */
    public static final String INSTRUCTION = "Reply with the number only.";
    /** Held-out questions come from this seed; training data from any other. */
    public static final long HELD_OUT_SEED = 1_000_017;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AssistantData data;

    public NumberOnlySkill(long seed) {
        this.data = new AssistantData(seed);
    }

    /** The next conversation: question with the instruction, the calculator call and result, the bare number. */
    public AssistantData.Sample next() {
        AssistantData.Sample s = data.calculation();
        String question = s.question() + " " + INSTRUCTION;
        List<ChatMessage> conv = new ArrayList<>(s.conversation());
        conv.set(0, ChatMessage.user(question));
        conv.set(conv.size() - 1, ChatMessage.assistant(s.expected()));
        return new AssistantData.Sample(question, s.tool(), s.expected(), List.copyOf(conv), s.notes(), s.now());
    }

    /** n conversations. */
    public List<AssistantData.Sample> take(int n) {
        List<AssistantData.Sample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(next());
        return out;
    }

    /**
     * One line of chat training data ({@code genai lora train --data}): the conversation's messages
     * and the assistant's tools as its chat template reads them.
     */
    public static String jsonLine(AssistantData.Sample s, List<ToolSpec> tools) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("messages", s.conversation().stream().map(ChatRenderer::toTemplate).toList());
        line.put("tools", tools.stream().map(ChatRenderer::toTemplate).toList());
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
