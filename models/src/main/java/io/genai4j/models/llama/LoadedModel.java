package io.genai4j.models.llama;

import io.genai4j.text.vocab.LlmTokenizer;

/**
 * A model ready to run: network, tokenizer, chat template (null when the model has none) and what
 * keeps its weights mapped. Close it to unmap the file.
 */
public record LoadedModel(CausalLm model, LlmTokenizer tokenizer, String chatTemplate, String description, AutoCloseable resources)
        implements AutoCloseable {

    public LlamaConfig config() {
        return model.config();
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot close " + description + ": " + e.getMessage(), e);
        }
    }
}
