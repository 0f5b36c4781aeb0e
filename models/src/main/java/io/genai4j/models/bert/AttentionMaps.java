package io.genai4j.models.bert;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.viz.HeatmapGrid;
import io.genai4j.text.wordpiece.Batch;
import io.genai4j.text.wordpiece.Encoding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every layer's and head's attention weights for one text: weights[l][h][i][j] is how much token
 * i attends to token j in head h of layer l (each row sums to 1).
 */
public record AttentionMaps(String model, String text, List<String> tokens, float[][][][] weights) {
    /** Texts longer than this make unreadable pictures. */
    public static final int MAX_TOKENS = 64;

    public static AttentionMaps of(BertEncoder enc, String text) {
        Encoding e = enc.tokenizer().encode(text, enc.maxLength());
        if (e.length() > MAX_TOKENS) throw new IllegalArgumentException("the text has " + e.length() + " tokens; attention pictures stay readable up to " + MAX_TOKENS);
        List<Tensor> att = new ArrayList<>();
        enc.lastHiddenState(Batch.of(List.of(e), enc.tokenizer().padId(), 1), att);
        int layers = att.size(), heads = att.get(0).size(1), t = e.length();
        float[][][][] w = new float[layers][heads][t][t];
        for (int l = 0; l < layers; l++) {
            float[] d = att.get(l).toArray();
            for (int h = 0; h < heads; h++) for (int i = 0; i < t; i++) System.arraycopy(d, (h * t + i) * t, w[l][h][i], 0, t);
        }
        List<String> tokens = new ArrayList<>();
        for (int id : e.ids()) tokens.add(enc.tokenizer().display(id));
        return new AttentionMaps(enc.name(), text, List.copyOf(tokens), w);
    }

    public int layers() {
        return weights.length;
    }

    public int heads() {
        return weights[0].length;
    }

    /** The layer × head grid of heatmaps as a PNG. */
    public Path png(Path file) {
        List<String> rows = new ArrayList<>(), cols = new ArrayList<>();
        for (int l = 0; l < layers(); l++) rows.add("Layer " + l);
        for (int h = 0; h < heads(); h++) cols.add("head " + h);
        return new HeatmapGrid("Attention of " + model + ": " + layers() + " layers x " + heads() + " heads", rows, cols, tokens, weights)
                .subtitle("\"" + text + "\"  -  row = query token, column = key token, darker = more attention (sqrt scale)").save(file);
    }

    /** For each query token, the key with the most attention summed over the heads of layer l. */
    public int[] strongestKeys(int l) {
        int t = tokens.size();
        int[] best = new int[t];
        for (int i = 0; i < t; i++) {
            double bestW = -1;
            for (int j = 0; j < t; j++) {
                double s = 0;
                for (float[][] head : weights[l]) s += head[i][j];
                if (s > bestW) {
                    bestW = s;
                    best[i] = j;
                }
            }
        }
        return best;
    }
}
