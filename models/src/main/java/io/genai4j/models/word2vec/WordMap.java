package io.genai4j.models.word2vec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chosen words on a plane: their vectors projected on the two principal components ({@link Pca}).
 * Words given as pairs "a:b" get an arrow a → b; when the arrows man → woman and king → queen are
 * parallel, the vectors hold the analogy. Data only: the course draws it
 * (WordMapPicture in the course module).
 */
public record WordMap(List<String> words, double[][] xy, List<int[]> arrows) {
    /** Where a word stands in the pairs: it starts an arrow, ends one, or stands alone. */
    public enum Role { FROM, TO, ALONE }

    /** items: words, or pairs "a:b". Unknown words are a clear error. */
    public static WordMap of(WordVectors v, List<String> items) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<int[]> arrows = new ArrayList<>();
        for (String item : items) {
            String[] parts = item.toLowerCase(Locale.ROOT).split(":");
            if (parts.length > 2 || parts[0].isEmpty()) throw new IllegalArgumentException("'" + item + "': give a word or a pair A:B");
            int[] ids = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                if (!v.contains(parts[i])) throw new IllegalArgumentException("'" + parts[i] + "' is not in the vocabulary (" + v.size() + " words)");
                ids[i] = index.computeIfAbsent(parts[i], k -> index.size());
            }
            if (ids.length == 2) arrows.add(ids);
        }
        if (index.size() < 2) throw new IllegalArgumentException("a map needs at least two different words");
        List<String> words = new ArrayList<>(index.keySet());
        float[][] rows = new float[words.size()][];
        for (int i = 0; i < rows.length; i++) rows[i] = unit(v.vector(words.get(i)));
        return new WordMap(words, Pca.project(rows, 2), arrows);
    }

    /** The role of word i: the first arrow that touches it decides. */
    public Role role(int i) {
        for (int[] a : arrows) {
            if (a[0] == i) return Role.FROM;
            if (a[1] == i) return Role.TO;
        }
        return Role.ALONE;
    }

    private static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) n += (double) x * x;
        float[] u = v.clone();
        float inv = n == 0 ? 0 : (float) (1 / Math.sqrt(n));
        for (int i = 0; i < u.length; i++) u[i] *= inv;
        return u;
    }
}
