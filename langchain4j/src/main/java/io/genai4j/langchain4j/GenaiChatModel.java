package io.genai4j.langchain4j;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * LangChain4j's {@link ChatModel} over a genai4j {@link io.genai4j.llm.chat.ChatModel}: usually the
 * local engine ({@link io.genai4j.llm.chat.LocalChatModel}), so a LangChain4j application runs a
 * GGUF model in-process, with no server in between.
 */
public final class GenaiChatModel implements ChatModel {
    private final io.genai4j.llm.chat.ChatModel model;

    public GenaiChatModel(io.genai4j.llm.chat.ChatModel model) {
        this.model = model;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        return Messages.toLangChain4j(model.chat(Messages.toGenai(request)), model.name());
    }
}
