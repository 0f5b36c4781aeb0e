package io.genai4j.cli.gpt;

import io.genai4j.cli.Report;
import io.genai4j.cli.TypeOption;
import io.genai4j.engine.DType;
import io.genai4j.models.gpt.GgufExport;
import io.genai4j.models.gpt.GptCheckpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code genai gpt export}: the GPT lesson's checkpoint as a llama.cpp gpt2 GGUF ({@code --gguf FILE}),
 * or as a genai4j checkpoint with smaller weights ({@code --to DIR --type F16}).
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a GPT checkpoint as a gpt2 GGUF file, runnable with `genai run` (and llama.cpp),",
                "or (--to DIR) as a genai4j checkpoint with its weights stored as F16 or BF16."})
public final class GptExport implements Callable<Integer> {
    @Option(names = "--checkpoint", description = "Checkpoint directory (from genai gpt train --out; default: the shipped Shakespeare GPT).") Path checkpoint;
    @Option(names = "--gguf", description = "The GGUF file to write.") Path gguf;
    @Option(names = "--to", description = "A checkpoint directory to write (weights as --type: F32, F16 or BF16).") Path to;
    @Option(names = "--type", defaultValue = "F32", description = "Matrix storage: F32, F16, BF16, Q8_0, Q4_0, Q4_1 (default ${DEFAULT-VALUE}).") String type;
    @Option(names = "--json", description = "Also print {gguf, bytes, type} as one JSON line.") boolean json;

    @Override
    public Integer call() throws Exception {
        DType t = TypeOption.parse(type, "--type", List.of(DType.F32, DType.F16, DType.BF16, DType.Q8_0, DType.Q4_0, DType.Q4_1));
        if ((gguf == null) == (to == null)) throw new IllegalArgumentException("give one of --gguf FILE or --to DIR");
        GptCheckpoint ck = GptCheckpoint.loadOrBundled(checkpoint);
        if (to != null) {
            GptCheckpoint.save(to, ck.model(), ck.tokenizer(), ck.train(), t);
            long bytes = Files.size(to.resolve(GptCheckpoint.WEIGHTS));
            System.out.printf(Locale.ROOT, "wrote %s (weights %,d bytes, %s)%n", to, bytes, t);
            if (json) new Report().put("checkpoint", to.toAbsolutePath().toString()).put("bytes", bytes).put("type", t.toString()).printJson(System.out);
            return 0;
        }
        GgufExport.export(ck, gguf, t);
        long bytes = Files.size(gguf);
        System.out.printf(Locale.ROOT, "wrote %s (%,d bytes, %s); try: genai run %s --prompt \"ROMEO:\"%n", gguf, bytes, t, gguf);
        if (json) new Report().put("gguf", gguf.toAbsolutePath().toString()).put("bytes", bytes).put("type", t.toString()).printJson(System.out);
        return 0;
    }
}
