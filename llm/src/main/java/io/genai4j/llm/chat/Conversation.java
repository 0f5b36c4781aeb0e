package io.genai4j.llm.chat;

import io.genai4j.llm.GenerationOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * One conversation kept on this side (the CLI's chat): the messages so far, answered turn by turn by
 * a {@link ChatModel}. A turn that fails (a message that does not fit the context, a template that
 * raises an error) is undone: the message is dropped, so the conversation goes on as if it had not
 * been sent. With a {@link LocalChatModel} the earlier turns stay in its KV cache between turns.
 */
public final class Conversation {
    private final ChatModel model;
    private final List<ChatMessage> messages = new ArrayList<>();

    public Conversation(ChatModel model, String system) {
        this.model = model;
        if (system != null) messages.add(ChatMessage.system(system));
    }

    /** Sends a user message and streams the answer to {@code listener}. */
    public ChatResponse send(String text, GenerationOptions options, ChatListener listener) {
        messages.add(ChatMessage.user(text));
        try {
            ChatResponse r = model.chat(ChatRequest.of(messages, options), listener);
            messages.add(r.message());
            return r;
        } catch (IllegalArgumentException e) {
            messages.removeLast();
            throw new IllegalArgumentException(e.getMessage() + "; the message was not sent (send a shorter one, or /reset to start over)", e);
        } catch (RuntimeException e) {
            messages.removeLast();
            throw e;
        }
    }

    /** Forgets everything but the system prompt. */
    public void reset() {
        messages.removeIf(m -> !"system".equals(m.role()));
    }

    /** The messages so far, the system prompt included. */
    public List<ChatMessage> messages() {
        return List.copyOf(messages);
    }
}
