package io.genai4j.cli.bert;

import io.genai4j.cli.Report;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.viz.HeatmapGrid;
import io.genai4j.models.bert.BertEncoder;
import io.genai4j.text.wordpiece.Batch;
import io.genai4j.text.wordpiece.Encoding;
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
        String text = String.join(" ", words);
        Encoding e = enc.tokenizer().encode(text, enc.maxLength());
        if (e.length() > 64) throw new IllegalArgumentException("the text has " + e.length() + " tokens; pictures stay readable up to 64");
        List<Tensor> att = new ArrayList<>();
        enc.lastHiddenState(Batch.of(List.of(e), enc.tokenizer().padId(), 1), att);
        int layers = att.size(), heads = att.get(0).size(1), t = e.length();
        float[][][][] w = new float[layers][heads][t][t];
        for (int l = 0; l < layers; l++) {
            float[] d = att.get(l).toArray();
            for (int h = 0; h < heads; h++) for (int i = 0; i < t; i++) System.arraycopy(d, (h * t + i) * t, w[l][h][i], 0, t);
        }
        List<String> tokens = new ArrayList<>(), rows = new ArrayList<>(), cols = new ArrayList<>();
        for (int id : e.ids()) tokens.add(enc.tokenizer().display(id));
        for (int l = 0; l < layers; l++) rows.add("Layer " + l);
        for (int h = 0; h < heads; h++) cols.add("head " + h);
        Path written = new HeatmapGrid("Attention of " + enc.name() + ": " + layers + " layers x " + heads + " heads", rows, cols, tokens, w)
                .subtitle("\"" + text + "\"  -  row = query token, column = key token, darker = more attention (sqrt scale)").save(png);
        System.out.println("tokens: " + String.join(" ", tokens));
        for (int l = 0; l < layers; l++) {
            // The most-attended key per query, averaged over heads: a one-line summary per layer.
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < t; i++) {
                int best = 0;
                double bestW = -1;
                for (int j = 0; j < t; j++) {
                    double s = 0;
                    for (int h = 0; h < heads; h++) s += w[l][h][i][j];
                    if (s > bestW) {
                        bestW = s;
                        best = j;
                    }
                }
                b.append(i == 0 ? "" : "  ").append(tokens.get(i)).append("->").append(tokens.get(best));
            }
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
            new Report().put("model", enc.name()).put("text", text).put("tokens", tokens).put("layers", layers).put("heads", heads)
                    .put("png", written.toString()).put("weights", jw).printJson(System.out);
        }
        return 0;
    }
}
