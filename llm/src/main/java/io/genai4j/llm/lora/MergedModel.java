package io.genai4j.llm.lora;

import io.genai4j.engine.DType;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.LoraLinear;
import io.genai4j.engine.nn.Module;
import io.genai4j.models.llama.Arch;
import io.genai4j.models.llama.GgufModelWriter;
import io.genai4j.models.llama.LlamaConfig;
import io.genai4j.models.llama.LoadedModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Llama/Qwen model with its adapters merged (W + s·B·A, whatever the base's format), written as a
 * GGUF model through {@link GgufModelWriter}, as llama.cpp's converter writes it.
 */
public final class MergedModel {
    private MergedModel() {}

    /**
     * The model's weights by Hugging Face name with the adapters merged, Q/K rows in Hugging Face's
     * order (the writer permutes them for llama.cpp, so a base read from GGUF is turned back first).
     */
    public static Map<String, Tensor> hfWeights(Module model, LlamaConfig c, LoraAdapter adapter) {
        RotaryRows rows = RotaryRows.ggufOrder(c) ? RotaryRows.of(c) : RotaryRows.NONE;
        Map<String, Tensor> out = new LinkedHashMap<>(model.stateDict());
        for (Map.Entry<String, LoraLinear> e : adapter.layers().entrySet()) out.put(e.getKey() + ".weight", e.getValue().mergedWeight());
        for (Map.Entry<String, Tensor> e : out.entrySet()) {
            if (!e.getKey().endsWith(".weight") || e.getValue().dim() != 2) continue;
            String layer = e.getKey().substring(0, e.getKey().length() - ".weight".length());
            e.setValue(rows.toHf(layer, e.getValue().to(DType.F32)));
        }
        return out;
    }

    /** Writes the loaded model with the adapter merged as a GGUF file of matrix type t. */
    public static void writeGguf(Path out, LoadedModel m, LoraAdapter adapter, String name, DType t) throws IOException {
        LlamaConfig c = m.config();
        GgufModelWriter.write(out, c, name, hfWeights((Module) m.model(), c, adapter), m.tokenizer().vocabulary(), m.chatTemplate(), t,
                c.arch() == Arch.GPT2 && c.geluErf() ? Map.of("genai4j.gelu", "erf") : Map.of());
    }
}
