package io.genai4j.models.llama;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.io.gguf.GgufFile;

/** A GGUF file's tensors under Hugging Face names (memory-mapped, quantized ones stay quantized). */
final class GgufWeights implements WeightSource {
    private final GgufFile file;

    GgufWeights(GgufFile file) {
        this.file = file;
    }

    @Override
    public Tensor optional(String name) {
        String g = GgufNames.toGguf(name);
        return g == null ? null : file.tensorOrNull(g);
    }

    @Override
    public String describe(String name) {
        String g = GgufNames.toGguf(name);
        return g == null ? "" : " ('" + g + "' in " + file.path().getFileName() + ")";
    }
}
