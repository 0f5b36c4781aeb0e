package io.genai4j.server.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.models.bert.BertAttentionMaps;
import io.genai4j.models.bert.BertEncoder;
import io.genai4j.models.bert.BundledModel;
import io.genai4j.server.Fields;

/**
 * The BERT lesson on the page: all-MiniLM-L6-v2, a real BERT encoder (6 layers × 12 heads) whose
 * weights come from LangChain4j's Maven artifact as {@code genai rag} and {@code genai bench bert}
 * load them. A sentence becomes WordPiece tokens ([CLS] … [SEP]) and every layer's and head's
 * attention. The same encoder embeds the RAG playground's chunks, so it is loaded once.
 */
final class BertLesson {
    private final Loaded<BertEncoder> encoder = new Loaded<>(BundledModel.MINILM::load);

    /** The encoder, loaded (and its files extracted to the cache) on first use. */
    BertEncoder encoder() {
        return encoder.get();
    }

    /** {@code {"text"}} → WordPiece tokens with their ids, and weights[layer][head][query][key]. */
    ObjectNode attention(JsonNode body) {
        String text = new Fields(body, "").requiredString("text");
        BertEncoder enc = encoder();
        ObjectNode o = StudioJson.attention(BertAttentionMaps.of(enc, text));
        ArrayNode ids = o.putArray("ids");
        for (int id : enc.tokenizer().encode(text, enc.maxLength()).ids()) ids.add(id);
        return o;
    }
}
