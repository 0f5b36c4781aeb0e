package io.genai4j.llm.prompt;

import io.genai4j.llm.chat.ChatListener;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatModel;
import io.genai4j.llm.chat.ChatRequest;
import io.genai4j.llm.chat.ChatResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A chat model whose answer is a function of the request, for tests where the model is not the
 * point. It records every request and charges one prompt token per message and one completion
 * token per character, so token sums can be checked exactly.
 */
final class FakeChatModel implements ChatModel {
    final List<ChatRequest> requests = new ArrayList<>();
    private final Function<ChatRequest, String> answer;

    FakeChatModel(Function<ChatRequest, String> answer) {
        this.answer = answer;
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public synchronized ChatResponse chat(ChatRequest request, ChatListener listener) {
        requests.add(request);
        String text = answer.apply(request);
        listener.onText(text);
        return new ChatResponse(ChatMessage.assistant(text), "stop", new ChatResponse.Usage(request.messages().size(), text.length(), 0, 0));
    }
}
