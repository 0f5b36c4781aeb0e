package io.genai4j.server;

import io.genai4j.llm.chat.ChatModel;
import io.genai4j.llm.chat.LocalChatModel;
import io.genai4j.models.bert.BertEncoder;

/**
 * What a server answers with: a chat model (the local engine, or any {@link ChatModel}), and
 * optionally a sentence encoder for {@code /v1/embeddings}. Text completions and the tokenizer
 * endpoints need the local engine's tokenizer and template, so they answer only when the chat
 * model is a {@link LocalChatModel}.
 */
public record Backend(ChatModel chat, BertEncoder embedder) {
    public Backend {
        if (chat == null) throw new IllegalArgumentException("a server needs a chat model");
    }

    /** The local engine behind the chat model, or a 501 naming the feature that needs it. */
    LocalChatModel local(String feature) {
        if (chat instanceof LocalChatModel l) return l;
        throw new ApiException(501, "invalid_request_error", "not_implemented", null, feature + " needs a model running in this server", 0);
    }

    String embeddingName() {
        return embedder == null ? null : embedder.name();
    }
}
