package io.genai4j.cli.lora;

import io.genai4j.engine.DType;
import io.genai4j.llm.lora.LoraAdapter;
import io.genai4j.llm.lora.MergedModel;
import io.genai4j.models.gpt.GptCheckpoint;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code genai lora merge}: the base with W + s·B·A in every adapted layer: a GGUF model or a Hugging
 * Face directory for a Llama/Qwen base (matrices in --type), a GPT checkpoint directory for the GPT.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Merge an adapter into its base: --out FILE.gguf (a GGUF model), --out DIR (a Hugging Face safetensors directory; the base must be one),",
                "or a GPT checkpoint directory for the GPT."})
public final class LoraMerge implements Callable<Integer> {
    @Mixin BaseAndAdapter args;
    @Option(names = "--out", required = true, description = "The merged model: a .gguf file, or a directory (Hugging Face layout; a checkpoint for the GPT).") Path out;
    @Option(names = "--type", defaultValue = "F16", description = "Matrix type: F32, F16, BF16 (and Q8_0, Q4_0 for GGUF) (default ${DEFAULT-VALUE}).") String type;

    @Override
    public Integer call() throws Exception {
        AdapterSpec spec = args.spec();
        try (LoraBase b = args.open()) {
            LoraAdapter a = b.readAdapter(spec.path()).applyTo(b.module(), b.llama(), spec.scale());
            if (b.gpt() != null) {
                a.merge();
                GptCheckpoint.save(out, b.gpt().model(), b.tokenizer(), Map.of("merged_adapter", spec.path().toString()));
            } else {
                DType t = DType.valueOf(type.toUpperCase(Locale.ROOT));
                if (out.toString().endsWith(".gguf")) MergedModel.writeGguf(out, b.loaded(), a, b.name() + " + LoRA", t);
                else MergedModel.writeHf(out, io.genai4j.llm.ModelStore.resolve(args.base), b.loaded(), a, t);
            }
            System.out.printf(Locale.ROOT, "merged %d adapted layers (scale %.3g) into %s%n", a.layers().size(), a.layers().values().iterator().next().scale(),
                    out.toAbsolutePath());
            return 0;
        }
    }
}
