package io.genai4j.server;

import io.genai4j.engine.util.Printable;
import io.genai4j.llm.chat.ChatModel;
import io.genai4j.llm.chat.LocalChatModel;
import io.genai4j.models.bert.BertEncoder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a server answers with: a chat model (the local engine, or any {@link ChatModel}), the same
 * base with LoRA adapters (each a model of its own name, as vLLM lists {@code --lora-modules}: a
 * request picks one by {@code model}), and optionally a sentence encoder for {@code /v1/embeddings}.
 * Text completions and the tokenizer endpoints need the local engine's tokenizer and template, so
 * they answer only when the chat model is a {@link LocalChatModel}.
 */
public record Backend(ChatModel chat, List<ChatModel> adapters, BertEncoder embedder) {
    public Backend {
        if (chat == null) throw new IllegalArgumentException("a server needs a chat model");
        adapters = List.copyOf(adapters);
        Set<String> names = new HashSet<>(Set.of(chat.name()));
        for (ChatModel a : adapters) {
            if (!names.add(a.name())) throw new IllegalArgumentException("two models are named \"" + Printable.of(a.name()) + "\": each adapter needs a name of its own");
        }
    }

    public Backend(ChatModel chat, BertEncoder embedder) {
        this(chat, List.of(), embedder);
    }

    /** The chat model a request names: the base or one of the adapters; a 404 naming it otherwise. */
    ChatModel chat(String model) {
        if (model.equals(chat.name())) return chat;
        for (ChatModel a : adapters) if (a.name().equals(model)) return a;
        throw OpenAiServer.unknownModel(model);
    }

    /** The local engine behind the chat model a request names, or a 501 naming the feature that needs it. */
    LocalChatModel local(String model, String feature) {
        if (chat(model) instanceof LocalChatModel l) return l;
        throw new ApiException(501, "invalid_request_error", "not_implemented", null, feature + " needs a model running in this server", 0);
    }

    /** The local engine behind the base model, or a 501 naming the feature that needs it. */
    LocalChatModel local(String feature) {
        return local(chat.name(), feature);
    }

    String embeddingName() {
        return embedder == null ? null : embedder.name();
    }
}
