package io.genai4j.llm.prompt;

import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatModel;
import io.genai4j.llm.chat.ChatRequest;
import io.genai4j.llm.chat.ChatResponse;
import java.util.List;
import java.util.Optional;

/** One answer of a model to a prompt: its text, the answer read from it, and the tokens it cost (prompt + completion). */
public record Reply(String text, Optional<String> answer, int tokens) {

    /** Asks {@code model} once and reads the answer with {@code extractor}. */
    public static Reply ask(ChatModel model, List<ChatMessage> messages, GenerationOptions options, AnswerExtractor extractor) {
        ChatResponse r = model.chat(ChatRequest.of(messages, options));
        String text = r.message().content();
        return new Reply(text, extractor.extract(text), r.usage() == null ? 0 : r.usage().totalTokens());
    }
}
