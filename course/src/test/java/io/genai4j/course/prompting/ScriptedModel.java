package io.genai4j.course.prompting;

import io.genai4j.llm.chat.ChatListener;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatModel;
import io.genai4j.llm.chat.ChatRequest;
import io.genai4j.llm.chat.ChatResponse;
import java.util.function.Function;

/** A chat model answering by a function of the request; 10 prompt tokens and 1 completion token per request. */
record ScriptedModel(Function<ChatRequest, String> answer) implements ChatModel {
    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatListener listener) {
        return new ChatResponse(ChatMessage.assistant(answer.apply(request)), "stop", new ChatResponse.Usage(10, 1, 0, 0));
    }

    static String lastUser(ChatRequest r) {
        return r.messages().getLast().content();
    }
}
