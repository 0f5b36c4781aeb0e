package io.genai4j.cli.gpt;

import io.genai4j.cli.AttentionOutput;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.models.attention.AttentionMaps;
import io.genai4j.models.gpt.Gpt;
import io.genai4j.models.gpt.GptCheckpoint;
import io.genai4j.text.Tokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code genai gpt attention}: every layer's and head's causal attention over a text, as heatmaps. */
@Command(name = "attention", mixinStandardHelpOptions = true,
        description = {"Attention weights of every layer and head of a GPT for one text (a layer x head heatmap grid).",
                "Row i: how token i spreads its attention over tokens 0..i (causal: nothing above the diagonal)."})
public final class GptAttention implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true, description = "Checkpoint directory (from genai gpt train --out).") Path checkpoint;
    @Option(names = "--text", required = true, description = "The text to read.") String text;
    @Option(names = "--png", defaultValue = "gpt-attention.png", description = "Where to write the picture (default: ${DEFAULT-VALUE}).") Path png;
    @Option(names = "--json", description = "Print tokens and weights [layer][head][T][T] as one JSON line (the last line of output).") boolean json;

    @Override
    public Integer call() throws Exception {
        GptCheckpoint ck = GptCheckpoint.load(checkpoint);
        AttentionOutput.print(maps(ck, text, checkpoint.getFileName().toString()), png, json);
        return 0;
    }

    /** The weights of every layer for text, read by the checkpoint's model. */
    static AttentionMaps maps(GptCheckpoint ck, String text, String name) {
        Gpt model = ck.model();
        Tokenizer tok = ck.tokenizer();
        int[] ids = tok.encode(text);
        if (ids.length == 0) throw new IllegalArgumentException("the text has no tokens");
        AttentionMaps.checkLength(ids.length);
        if (ids.length > model.config.blockSize()) {
            throw new IllegalArgumentException("the text has " + ids.length + " tokens, more than block_size " + model.config.blockSize());
        }
        Tensor[] weights = new Tensor[model.config.nLayer()];
        try (Grad g = Grad.off()) {
            model.eval();
            model.hidden(ids, 1, ids.length, null, weights);
        }
        List<String> tokens = new ArrayList<>();
        for (int id : ids) tokens.add(tok.display(id));
        return AttentionMaps.fromLayers(name, text, tokens, Arrays.asList(weights));
    }
}
