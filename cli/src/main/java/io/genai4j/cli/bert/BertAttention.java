package io.genai4j.cli.bert;

import io.genai4j.cli.Report;
import io.genai4j.models.bert.AttentionMaps;
import io.genai4j.models.bert.BertEncoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    @Option(names = "--png", paramLabel = "FILE", defaultValue = "bert-attention.png", description = "Where to write the picture (default: ${DEFAULT-VALUE}).")
    Path png;
    @Option(names = "--json", description = "Print tokens and weights [layer][head][T][T] as one JSON line (the last line of output).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        BertEncoder enc = model.load();
        AttentionMaps maps = AttentionMaps.of(enc, String.join(" ", words));
        Path written = maps.png(png);
        List<String> tokens = maps.tokens();
        float[][][][] w = maps.weights();
        int layers = maps.layers(), heads = maps.heads(), t = tokens.size();
        System.out.println("tokens: " + String.join(" ", tokens));
        for (int l = 0; l < layers; l++) {
            // The most-attended key per query, summed over heads: a one-line summary per layer.
            int[] best = maps.strongestKeys(l);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < t; i++) b.append(i == 0 ? "" : "  ").append(tokens.get(i)).append("->").append(tokens.get(best[i]));
            System.out.printf(Locale.ROOT, "layer %d: %s%n", l, b);
        }
        System.out.println("Picture: " + written);
        if (json) {
            List<List<List<List<Double>>>> jw = new ArrayList<>();
            for (float[][][] lw : w) {
                List<List<List<Double>>> lh = new ArrayList<>();
                for (float[][] hw : lw) {
                    List<List<Double>> m = new ArrayList<>();
                    for (float[] row : hw) {
                        List<Double> r = new ArrayList<>(t);
                        for (float x : row) r.add(Math.round(x * 1e4) / 1e4);
                        m.add(r);
                    }
                    lh.add(m);
                }
                jw.add(lh);
            }
            new Report().put("model", enc.name()).put("text", maps.text()).put("tokens", tokens).put("layers", layers).put("heads", heads)
                    .put("png", written.toString()).put("weights", jw).printJson(System.out);
        }
        return 0;
    }
}
