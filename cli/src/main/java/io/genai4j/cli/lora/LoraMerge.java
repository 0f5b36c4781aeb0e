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
 * {@code genai lora merge}: the base with W + s·B·A in every adapted layer, as one model file: a GGUF
 * model for a Llama/Qwen base (written as llama.cpp's converter does, in --type), a GPT checkpoint
 * directory for the GPT.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Merge an adapter into its base: a GGUF model file (Llama/Qwen bases) or a GPT checkpoint directory (the GPT).")
public final class LoraMerge implements Callable<Integer> {
    @Mixin BaseAndAdapter args;
    @Option(names = "--out", required = true, description = "The merged model: a .gguf file, or a directory for the GPT.") Path out;
    @Option(names = "--type", defaultValue = "F16", description = "GGUF matrix type: F32, F16, BF16, Q8_0, Q4_0 (default ${DEFAULT-VALUE}).") String type;

    @Override
    public Integer call() throws Exception {
        AdapterSpec spec = args.spec();
        try (LoraBase b = args.open()) {
            LoraAdapter a = b.readAdapter(spec.path()).applyTo(b.module(), b.llama(), spec.scale());
            if (b.gpt() != null) {
                a.merge();
                GptCheckpoint.save(out, b.gpt().model(), b.tokenizer(), Map.of("merged_adapter", spec.path().toString()));
            } else {
                MergedModel.writeGguf(out, b.loaded(), a, b.name() + " + LoRA", DType.valueOf(type.toUpperCase(Locale.ROOT)));
            }
            System.out.printf(Locale.ROOT, "merged %d adapted layers (scale %.3g) into %s%n", a.layers().size(), a.layers().values().iterator().next().scale(),
                    out.toAbsolutePath());
            return 0;
        }
    }
}
