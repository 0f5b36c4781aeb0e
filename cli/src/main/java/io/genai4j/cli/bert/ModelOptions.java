package io.genai4j.cli.bert;

import io.genai4j.models.bert.BertEncoder;
import io.genai4j.models.bert.Pooling;
import java.io.IOException;
import java.util.Locale;
import picocli.CommandLine.Option;

/** --model and --pooling, shared by the bert subcommands. */
public final class ModelOptions {
    @Option(names = "--model", paramLabel = "PATH|minilm|bge-small", defaultValue = "minilm",
            description = "Encoder: minilm (all-MiniLM-L6-v2, bundled), bge-small (BGE small en v1.5, bundled), an .onnx file, or a Hugging Face folder (default: ${DEFAULT-VALUE}).")
    String model;
    @Option(names = "--pooling", paramLabel = "mean|cls", description = "Override the model's pooling (minilm: mean, bge-small: cls).")
    String pooling;

    public BertEncoder load() throws IOException {
        long t0 = System.nanoTime();
        BertEncoder e = BertEncoder.load(model);
        if (pooling != null) e = e.withPooling(Pooling.parse(pooling));
        System.err.printf(Locale.ROOT, "loaded %s: %d layers, %d hidden, %d heads, %.1fM parameters (%.1f s)%n", e.name(),
                e.model().config().layers(), e.dimension(), e.model().config().heads(), e.model().numParameters() / 1e6, (System.nanoTime() - t0) / 1e9);
        return e;
    }
}
