package io.genai4j.models.attention;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.util.Rounding;
import java.util.ArrayList;
import java.util.List;

/**
 * Every layer's and head's attention weights for one text: weights[l][h][i][j] is how much token
 * i attends to token j in head h of layer l (each row sums to 1). Data only: the course draws it
 * (AttentionPicture in the course module).
 */
public record AttentionMaps(String model, String text, List<String> tokens, float[][][][] weights) {
    /** Texts longer than this make unreadable pictures. */
    public static final int MAX_TOKENS = 64;

    public static void checkLength(int tokens) {
        if (tokens > MAX_TOKENS) throw new IllegalArgumentException("the text has " + tokens + " tokens; attention pictures stay readable up to " + MAX_TOKENS);
    }

    /**
     * From per-layer weight tensors [B, H, T, T] (batch item 0 is used) of a model that read the
     * given tokens.
     */
    public static AttentionMaps fromLayers(String model, String text, List<String> tokens, List<Tensor> perLayer) {
        int layers = perLayer.size(), heads = perLayer.get(0).size(1), t = tokens.size();
        float[][][][] w = new float[layers][heads][t][t];
        for (int l = 0; l < layers; l++) {
            Tensor item = perLayer.get(l).select(0, 0);
            if (item.size(1) != t || item.size(2) != t) {
                throw new IllegalArgumentException("layer " + l + " has weights for " + item.size(1) + " tokens, expected " + t);
            }
            float[] d = item.toArray();
            for (int h = 0; h < heads; h++) for (int i = 0; i < t; i++) System.arraycopy(d, (h * t + i) * t, w[l][h][i], 0, t);
        }
        return new AttentionMaps(model, text, List.copyOf(tokens), w);
    }

    public int layers() {
        return weights.length;
    }

    public int heads() {
        return weights[0].length;
    }

    /** weights[layer][head][query][key] rounded to 4 decimals, as nested lists for JSON (bertviz's layout). */
    public List<List<List<List<Double>>>> jsonWeights() {
        List<List<List<List<Double>>>> out = new ArrayList<>();
        for (float[][][] layer : weights) {
            List<List<List<Double>>> lh = new ArrayList<>();
            for (float[][] head : layer) {
                List<List<Double>> m = new ArrayList<>();
                for (float[] row : head) {
                    List<Double> r = new ArrayList<>(row.length);
                    for (float x : row) r.add(Rounding.places(x, 4));
                    m.add(r);
                }
                lh.add(m);
            }
            out.add(lh);
        }
        return out;
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
