package io.genai4j.llm.chat;

/**
 * A model that answers conversations: the local engine ({@link LocalChatModel}) or a remote
 * OpenAI-compatible endpoint. Prompting, RAG, the agent loop and the server are written against
 * this interface, so each runs on either. Implementations are safe to call from several threads.
 */
public interface ChatModel {
    /** The model's name as a client sees it (the {@code model} field of the API). */
    String name();

    /** Answers one turn; text and tool calls stream to {@code listener} (which may cancel) as they come. */
    ChatResponse chat(ChatRequest request, ChatListener listener);

    default ChatResponse chat(ChatRequest request) {
        return chat(request, ChatListener.NONE);
    }
}
