package io.genai4j.server.studio;

import io.genai4j.llm.chat.ChatListener;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatRequest;
import io.genai4j.llm.chat.ChatResponse;
import io.genai4j.llm.chat.ScriptedChat;
import io.genai4j.llm.chat.ToolCall;
import java.util.List;

/**
 * A chat model that behaves like a small assistant for the page's tests, recording each request:
 * offered tools, it calls the calculator on {@code 6*7}; given a tool's result, it answers with it;
 * otherwise it streams {@code words} numbered words, one every {@code millis} ms, until cancelled.
 */
final class ScriptedStudioModel extends ScriptedChat {
    ScriptedStudioModel(int words, long millis) {
        super((request, listener) -> answer(request, listener, words, millis));
    }

    private static ChatResponse answer(ChatRequest request, ChatListener listener, int words, long millis) {
        ChatMessage last = request.messages().getLast();
        if (last.role().equals("tool")) return text(listener, "The answer is " + last.content() + ".");
        if (!request.tools().isEmpty()) {
            ToolCall call = new ToolCall("call_1", "calculator", "{\"expression\":\"6*7\"}");
            listener.onToolCall(0, call.id(), call.name(), call.arguments());
            return new ChatResponse(ChatMessage.assistant("", List.of(call)), "tool_calls", new ChatResponse.Usage(5, 5, 0, 0));
        }
        StringBuilder sent = new StringBuilder();
        for (int i = 0; i < words && !listener.cancelled(); i++) {
            String w = "word" + i + " ";
            listener.onText(w);
            sent.append(w);
            sleep(millis);
        }
        return new ChatResponse(ChatMessage.assistant(sent.toString()), "stop", new ChatResponse.Usage(5, words, 0, 0));
    }

    private static ChatResponse text(ChatListener listener, String text) {
        listener.onText(text);
        return new ChatResponse(ChatMessage.assistant(text), "stop", new ChatResponse.Usage(5, 3, 0, 0));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
