package io.genai4j.cli.llm;

import io.genai4j.llm.chat.ChatTemplate;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.text.vocab.Vocabulary;
import java.util.List;
import java.util.Map;

/** Renders a conversation with a model's template (ChatML when it has none), with its BOS/EOS texts. */
final class ChatChat {
    private ChatChat() {}

    static String render(LoadedModel m, List<Map<String, Object>> messages) {
        Vocabulary v = m.tokenizer().vocabulary();
        String bos = v.bos() >= 0 ? v.tokens()[v.bos()] : "";
        String eos = v.eos() >= 0 ? v.tokens()[v.eos()] : "";
        return ChatTemplate.orDefault(m.chatTemplate()).render(ChatTemplate.copy(messages), true, bos, eos, null);
    }
}
