package io.genai4j.llm.chat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A chat model for tests in which the model is not the point: a script decides each turn from the
 * request (streaming to the listener if it likes), and every request is recorded in {@link #requests}
 * so a test can check what the code under test sent. Its name is "scripted".
 */
public class ScriptedChat implements ChatModel {
    /** One turn of the script. */
    @FunctionalInterface
    public interface Turn {
        ChatResponse answer(ChatRequest request, ChatListener listener);
    }

    /** Every request received, in order (safe to read while other threads chat). */
    public final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private final Turn turn;

    public ScriptedChat(Turn turn) {
        this.turn = turn;
    }

    /** A response with the usual finish reason: "tool_calls" when the message calls tools, else "stop". */
    public static ChatResponse reply(ChatMessage message, ChatResponse.Usage usage) {
        return new ChatResponse(message, message.toolCalls().isEmpty() ? "stop" : "tool_calls", usage);
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatListener listener) {
        requests.add(request);
        return turn.answer(request, listener);
    }
}
