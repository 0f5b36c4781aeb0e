package io.genai4j.cli.bert;

import io.genai4j.cli.AttentionOutput;
import io.genai4j.models.attention.AttentionMaps;
import io.genai4j.models.bert.BertAttentionMaps;
import io.genai4j.models.bert.BertEncoder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code genai bert attention TEXT}: every layer's and head's attention weights, as a picture and JSON. */
@Command(name = "attention", mixinStandardHelpOptions = true,
        description = {"Attention weights of every layer and head for one text (bertviz's model view as a PNG).",
                "Row i of a heatmap: how token i spreads its attention over the tokens (each row sums to 1)."})
public final class BertAttention implements Callable<Integer> {
    @Mixin
    ModelOptions model;
    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The text (several words are joined with spaces).")
    List<String> words;
    @Option(names = "--png", paramLabel = "FILE", defaultValue = "runs/bert-attention.png", description = "Where to write the picture (default: ${DEFAULT-VALUE}).")
    Path png;
    @Option(names = "--json", description = "Print tokens and weights [layer][head][T][T] as one JSON line (the last line of output).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        BertEncoder enc = model.load();
        AttentionMaps maps = BertAttentionMaps.of(enc, String.join(" ", words));
        AttentionOutput.print(maps, png, json);
        return 0;
    }
}
