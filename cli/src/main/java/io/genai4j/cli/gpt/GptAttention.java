package io.genai4j.cli.gpt;

import io.genai4j.cli.AttentionOutput;
import io.genai4j.models.gpt.GptAttentionMaps;
import io.genai4j.models.gpt.GptCheckpoint;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code genai gpt attention}: every layer's and head's causal attention over a text, as heatmaps. */
@Command(name = "attention", mixinStandardHelpOptions = true,
        description = {"Attention weights of every layer and head of a GPT for one text (a layer x head heatmap grid).",
                "Row i: how token i spreads its attention over tokens 0..i (causal: nothing above the diagonal)."})
public final class GptAttention implements Callable<Integer> {
    @Option(names = "--checkpoint", description = "Checkpoint directory (from genai gpt train --out; default: the shipped Shakespeare GPT).") Path checkpoint;
    @Option(names = "--text", required = true, description = "The text to read.") String text;
    @Option(names = "--png", defaultValue = "runs/gpt-attention.png", description = "Where to write the picture (default: ${DEFAULT-VALUE}).") Path png;
    @Option(names = "--json", description = "Print tokens and weights [layer][head][T][T] as one JSON line (the last line of output).") boolean json;

    @Override
    public Integer call() throws Exception {
        GptCheckpoint ck = GptCheckpoint.loadOrBundled(checkpoint);
        AttentionOutput.print(GptAttentionMaps.of(ck, text, checkpoint == null ? "shakespeare-char" : checkpoint.getFileName().toString()), png, json);
        return 0;
    }
}
