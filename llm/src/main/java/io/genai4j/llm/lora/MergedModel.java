package io.genai4j.llm.lora;

import io.genai4j.engine.DType;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.LoraLinear;
import io.genai4j.engine.nn.Module;
import io.genai4j.models.llama.Arch;
import io.genai4j.models.llama.GgufModelWriter;
import io.genai4j.models.llama.LlamaConfig;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.GgufNames;
import io.genai4j.engine.io.SafeTensors;
import io.genai4j.engine.io.WriteEntry;
import io.genai4j.engine.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Llama/Qwen/GPT-2 model with its adapters merged (W + s·B·A, whatever the base's format), written as a
 * GGUF model through {@link GgufModelWriter}, as llama.cpp's converter writes it, or as a Hugging
 * Face safetensors directory.
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

    /**
     * Writes the merged model as a Hugging Face directory: {@code model.safetensors} (matrices in t:
     * F32, F16 or BF16; vectors F32) beside copies of the base directory's JSON files (config,
     * tokenizer, generation config), so transformers and genai4j load it as they load the base.
     */
    public static void writeHf(Path outDir, Path baseDir, LoadedModel m, LoraAdapter adapter, DType t) throws IOException {
        if (!Files.isRegularFile(baseDir.resolve("config.json"))) {
            throw new IllegalArgumentException("a Hugging Face export needs a Hugging Face base directory (its config.json and tokenizer files are copied); "
                    + baseDir + " has no config.json");
        }
        List<WriteEntry> entries = new ArrayList<>();
        for (var e : hfWeights((Module) m.model(), m.config(), adapter).entrySet()) {
            Tensor w = e.getValue().to(DType.F32).contiguous();
            if (m.config().arch() == Arch.GPT2 && GgufNames.isGpt2Conv1D(e.getKey())) w = w.mT().contiguous();   // back to Conv1D's [in, out]
            long[] shape = java.util.Arrays.stream(w.shape()).asLongStream().toArray();
            entries.add(WriteEntry.ofFloats(e.getKey(), w.dim() == 2 ? t : DType.F32, shape, w.toArray()));
        }
        Files.createDirectories(outDir);
        SafeTensors.write(outDir.resolve("model.safetensors"), entries, Map.of("format", "pt"));
        try (Stream<Path> files = Files.list(baseDir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".json") && !f.getFileName().toString().endsWith(".index.json")).toList()) {
                AtomicFiles.write(outDir.resolve(f.getFileName().toString()), Files.readAllBytes(f));
            }
        }
    }

    /** Writes the loaded model with the adapter merged as a GGUF file of matrix type t. */
    public static void writeGguf(Path out, LoadedModel m, LoraAdapter adapter, String name, DType t) throws IOException {
        LlamaConfig c = m.config();
        GgufModelWriter.write(out, c, name, hfWeights((Module) m.model(), c, adapter), m.tokenizer().vocabulary(), m.chatTemplate(), t,
                c.arch() == Arch.GPT2 && c.geluErf() ? Map.of("genai4j.gelu", "erf") : Map.of());
    }
}
