package io.genai4j.llm.prompt;

import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatRequest;
import io.genai4j.llm.chat.ChatResponse;
import io.genai4j.llm.chat.ScriptedChat;
import java.util.function.Function;

/**
 * A scripted chat model whose answer text is a function of the request, for tests where the model is
 * not the point. It charges one prompt token per message and one completion token per character,
 * so token sums can be checked exactly.
 */
final class FakeChatModel extends ScriptedChat {
    FakeChatModel(Function<ChatRequest, String> answer) {
        super((request, listener) -> {
            String text = answer.apply(request);
            listener.onText(text);
            return ScriptedChat.reply(ChatMessage.assistant(text), new ChatResponse.Usage(request.messages().size(), text.length(), 0, 0));
        });
    }
}
