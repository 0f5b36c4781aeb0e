package io.genai4j.server.studio;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.llm.CachedModels;
import io.genai4j.llm.chat.LocalChatModel;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.server.Backend;
import io.genai4j.server.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The models page's data: the model this server runs (its description and configuration, as
 * {@code genai inspect} reads them) and the models {@code genai pull} keeps in the cache (names and
 * sizes; no folder paths leave the machine).
 */
final class ModelsInfo {
    private ModelsInfo() {}

    static ObjectNode of(Backend backend) {
        ObjectNode o = Json.object();
        if (backend == null) {
            o.putNull("loaded");
        } else {
            ObjectNode loaded = o.putObject("loaded");
            loaded.put("name", backend.chat().name());
            if (backend.chat() instanceof LocalChatModel local) {
                LoadedModel m = local.model();
                loaded.put("local", true).put("description", m.description()).put("vocabulary", m.tokenizer().vocabSize());
                loaded.set("config", Json.MAPPER.valueToTree(m.config()));
            } else {
                loaded.put("local", false);
            }
            if (backend.embedder() != null) o.put("embeddings", backend.embedder().name());
        }
        ArrayNode cached = o.putArray("cached");
        try {
            for (CachedModels.Entry e : CachedModels.list()) {
                cached.addObject().put("name", e.name()).put("bytes", e.bytes()).put("files", e.files()).put("partial", e.partial())
                        .put("modified", e.modified().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return o;
    }
}
