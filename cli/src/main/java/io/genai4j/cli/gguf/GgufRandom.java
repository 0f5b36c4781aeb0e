package io.genai4j.cli.gguf;

import io.genai4j.cli.Report;
import io.genai4j.cli.SeedOption;
import io.genai4j.cli.TypeOption;
import io.genai4j.engine.DType;
import io.genai4j.engine.util.Progress;
import io.genai4j.models.llama.Arch;
import io.genai4j.models.llama.ModelPreset;
import io.genai4j.models.llama.RandomModel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code genai gguf random}: a model of a published model's shapes with random weights, to measure
 * speed without downloading weights (speed depends on shapes and formats, not values).
 */
@Command(name = "random", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a GGUF model of real shapes with random weights, for benchmarks.",
                "Large: llama-3.2-1b is 2.5 GB in f16, 1.3 GB in q8_0, 0.8 GB in q4_0 (write it under /tmp)."})
public final class GgufRandom implements Callable<Integer> {
    @Option(names = "--arch", defaultValue = "llama", description = "Architecture: llama or qwen2 (must match the preset; default ${DEFAULT-VALUE}).")
    String arch;
    @Option(names = "--preset", required = true, description = "Shapes: llama-3.2-1b, qwen2.5-0.5b or tiny.")
    String preset;
    @Option(names = "--type", required = true, description = "Matrix type: f32, f16, bf16, q8_0, q4_0, q4_k, q6_k.")
    String type;
    @Option(names = "--output-type", description = "Type of the token embedding / output matrix (default: as llama-quantize, q6_k for 4-bit files).")
    String outputType;
    @Mixin
    SeedOption seed = new SeedOption(1);
    @Option(names = "--vocab", description = "A GGUF file whose tokenizer to copy (e.g. ggml-vocab-llama-bpe.gguf); default: a built-in byte-level one.")
    Path vocab;
    @Option(names = "--out", required = true, description = "The GGUF file to write.")
    Path out;
    @Option(names = "--json", description = "Also print {file, bytes, parameters, type} as one JSON line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ModelPreset p = ModelPreset.of(preset);
        if (Arch.of(arch) != p.arch()) {
            throw new IllegalArgumentException("preset " + p.name() + " is a " + p.arch().ggufName() + " model, not " + arch);
        }
        DType t = TypeOption.parse(type, "--type", RandomModel.TYPES);
        DType head = outputType == null ? null : TypeOption.parse(outputType, "--output-type", RandomModel.TYPES);
        if (vocab != null && !Files.isRegularFile(vocab)) throw new NoSuchFileException("no vocabulary file at " + vocab);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) throw new NoSuchFileException("no directory " + parent + " to write " + out.getFileName() + " into");
        long bytes;
        try (Progress bar = new Progress("write", 100)) {
            bytes = RandomModel.write(out, p, t, head, seed.value(), vocab, (done, total) ->
                    bar.update(total == 0 ? 100 : done * 100 / total, String.format(Locale.ROOT, "%.2f / %.2f GB", done / 1e9, total / 1e9)));
        }
        System.out.printf(Locale.ROOT, "%s: random %s, %s weights (output %s), %,d parameters, %.2f GB%n", out, p.name(), t,
                head == null ? RandomModel.outputTypeFor(t) : head, p.parameters(), bytes / 1e9);
        if (json) {
            new Report().put("file", out.toString()).put("bytes", bytes).put("parameters", p.parameters())
                    .put("type", t.name().toLowerCase(Locale.ROOT)).printJson(System.out);
        }
        return 0;
    }
}
