package io.genai4j.cli.lora;

import io.genai4j.engine.DType;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.LoraLinear;
import io.genai4j.llm.lora.LoraAdapter;
import io.genai4j.llm.lora.RotaryRows;
import io.genai4j.models.gpt.GptCheckpoint;
import io.genai4j.models.llama.Arch;
import io.genai4j.models.llama.GgufModelWriter;
import io.genai4j.models.llama.LlamaConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code genai lora merge}: the base with W + s·B·A in every adapted layer, as one model file: a GGUF
 * model for a Llama/Qwen base (written as llama.cpp's converter does, in --type), a GPT checkpoint
 * directory for the GPT.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Merge an adapter into its base: a GGUF model file (Llama/Qwen bases) or a GPT checkpoint directory (the GPT).")
public final class LoraMerge implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BASE", description = "The base model (as for lora train).") String base;
    @Parameters(index = "1", paramLabel = "ADAPTER[:SCALE]", description = "A PEFT directory or a GGUF adapter, optionally with a strength.") String adapter;
    @Option(names = "--out", required = true, description = "The merged model: a .gguf file, or a directory for the GPT.") Path out;
    @Option(names = "--type", defaultValue = "F16", description = "GGUF matrix type: F32, F16, BF16, Q8_0, Q4_0 (default ${DEFAULT-VALUE}).") String type;

    @Override
    public Integer call() throws Exception {
        AdapterSpec spec = AdapterSpec.parse(adapter);
        try (LoraBase b = LoraBase.open(base)) {
            LoraAdapter a = b.readAdapter(spec.path()).applyTo(b.module(), b.llama(), spec.scale());
            if (b.gpt() != null) {
                a.merge();
                GptCheckpoint.save(out, b.gpt().model(), b.tokenizer(), Map.of("merged_adapter", spec.path().toString()));
            } else {
                DType t = DType.valueOf(type.toUpperCase(Locale.ROOT));
                LlamaConfig c = b.llama();
                GgufModelWriter.write(out, c, b.name() + " + LoRA", mergedHfWeights(b, a), b.loaded().tokenizer().vocabulary(),
                        b.loaded().chatTemplate(), t, c.arch() == Arch.GPT2 && c.geluErf() ? Map.of("genai4j.gelu", "erf") : Map.of());
            }
            System.out.printf(Locale.ROOT, "merged %d adapted layers (scale %.3g) into %s%n", a.layers().size(), a.layers().values().iterator().next().scale(),
                    out.toAbsolutePath());
            return 0;
        }
    }

    /**
     * The model's weights by Hugging Face name with the adapters merged, Q/K rows in Hugging Face's
     * order (the writer permutes them for llama.cpp, so a base read from GGUF is turned back first).
     */
    static Map<String, Tensor> mergedHfWeights(LoraBase b, LoraAdapter a) {
        RotaryRows rows = RotaryRows.ggufOrder(b.llama()) ? RotaryRows.of(b.llama()) : RotaryRows.NONE;
        Map<String, Tensor> out = new LinkedHashMap<>(b.module().stateDict());
        for (Map.Entry<String, LoraLinear> e : a.layers().entrySet()) out.put(e.getKey() + ".weight", e.getValue().mergedWeight());
        for (Map.Entry<String, Tensor> e : out.entrySet()) {
            String layer = e.getKey().substring(0, Math.max(0, e.getKey().length() - ".weight".length()));
            if (e.getKey().endsWith(".weight") && e.getValue().dim() == 2) e.setValue(rows.toHf(layer, e.getValue().to(DType.F32)));
        }
        return out;
    }
}
