package io.genai4j.server;

import io.genai4j.llm.chat.ChatListener;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatResponse;
import io.genai4j.llm.chat.ScriptedChat;
import io.genai4j.llm.chat.ToolCall;
import java.util.ArrayList;
import java.util.List;

/**
 * A ChatModel that answers from a script, to test the wire format of what the local model does not
 * produce yet (tool calls): it streams the text, then each call as its id and name followed by its
 * arguments in pieces of 5 characters, and records every request it receives.
 */
final class ScriptedChatModel extends ScriptedChat {
    ScriptedChatModel(String text, List<ToolCall> calls) {
        super((request, listener) -> stream(text, calls, listener));
    }

    private static ChatResponse stream(String text, List<ToolCall> calls, ChatListener listener) {
        if (!text.isEmpty()) listener.onText(text);
        for (int i = 0; i < calls.size(); i++) {
            ToolCall c = calls.get(i);
            listener.onToolCall(i, c.id(), c.name(), "");
            String a = c.arguments();
            for (int at = 0; at < a.length(); at += 5) listener.onToolCall(i, null, null, a.substring(at, Math.min(a.length(), at + 5)));
        }
        return ScriptedChat.reply(ChatMessage.assistant(text, new ArrayList<>(calls)), new ChatResponse.Usage(7, 3, 0, 0));
    }
}
