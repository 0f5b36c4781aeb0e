package io.genai4j.llm.prompt;

import io.genai4j.llm.chat.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A system prompt, then {@code shots} demonstrations as earlier user/assistant turns, then the query:
 * the chat form of few-shot prompting, so a chat model sees each demonstration answered in its own
 * voice. Every input (the demonstrations' and the query) goes through the same {@code input}
 * template; zero shots is the zero-shot prompt. {@code system} may be empty (no system message).
 */
public record FewShotPrompt(String system, PromptTemplate input, ExampleSelector selector, int shots) {
    public FewShotPrompt {
        if (system == null) system = "";
        if (input == null) throw new IllegalArgumentException("a few-shot prompt needs an input template");
        if (shots < 0) throw new IllegalArgumentException("shots must be >= 0, got " + shots);
        if (shots > 0 && selector == null) throw new IllegalArgumentException(shots + " shots need an example selector");
    }

    public static FewShotPrompt zeroShot(String system, PromptTemplate input) {
        return new FewShotPrompt(system, input, null, 0);
    }

    /** The conversation that asks {@code query}. */
    public List<ChatMessage> messages(String query) {
        List<ChatMessage> out = new ArrayList<>();
        if (!system.isEmpty()) out.add(ChatMessage.system(system));
        if (shots > 0) {
            for (Example e : selector.select(query, shots)) {
                out.add(ChatMessage.user(input.render(e.input())));
                out.add(ChatMessage.assistant(e.output()));
            }
        }
        out.add(ChatMessage.user(input.render(query)));
        return out;
    }
}
