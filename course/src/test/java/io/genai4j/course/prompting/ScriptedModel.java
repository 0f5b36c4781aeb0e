package io.genai4j.course.prompting;

import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatRequest;
import io.genai4j.llm.chat.ChatResponse;
import io.genai4j.llm.chat.ScriptedChat;
import java.util.function.Function;

/** A scripted chat model answering by a function of the request; 10 prompt tokens and 1 completion token per request. */
final class ScriptedModel extends ScriptedChat {
    ScriptedModel(Function<ChatRequest, String> answer) {
        super((request, listener) -> ScriptedChat.reply(ChatMessage.assistant(answer.apply(request)), new ChatResponse.Usage(10, 1, 0, 0)));
    }

    static String lastUser(ChatRequest r) {
        return r.messages().getLast().content();
    }
}
