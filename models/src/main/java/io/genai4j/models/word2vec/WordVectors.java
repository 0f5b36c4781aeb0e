package io.genai4j.models.word2vec;

import io.genai4j.engine.util.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Words as vectors: nearest neighbours by cosine similarity, analogies by vector arithmetic, and the
 * word2vec text format ({@code V D} on the first line, then {@code word x_1 ... x_D} per line), which
 * gensim ({@code KeyedVectors.load_word2vec_format}) and most tools read.
 */
public final class WordVectors {
    /** A word and its cosine similarity to the query. */
    public record Neighbour(String word, double cosine) {}

    private final String[] words;
    private final float[][] vectors, unit;
    private final long[] counts;
    private final Map<String, Integer> ids = new HashMap<>();

    public WordVectors(String[] words, float[][] vectors, long[] counts) {
        if (words.length != vectors.length || words.length == 0) throw new IllegalArgumentException("need one vector per word");
        this.words = words;
        this.vectors = vectors;
        this.counts = counts;
        this.unit = new float[vectors.length][];
        for (int i = 0; i < words.length; i++) {
            if (ids.put(words[i], i) != null) throw new IllegalArgumentException("duplicate word '" + words[i] + "'");
            if (vectors[i].length != vectors[0].length) throw new IllegalArgumentException("vectors of different sizes");
            unit[i] = normalize(vectors[i]);
        }
    }

    public int size() {
        return words.length;
    }

    public int dim() {
        return vectors[0].length;
    }

    public boolean contains(String w) {
        return ids.containsKey(w);
    }

    public List<String> words() {
        return List.of(words);
    }

    /** The raw vector of a word (a clear error if unknown). */
    public float[] vector(String w) {
        return vectors[id(w)];
    }

    private int id(String w) {
        Integer i = ids.get(w);
        if (i == null) throw new IllegalArgumentException("'" + w + "' is not in the vocabulary (" + words.length + " words)");
        return i;
    }

    /** cos(a, b). */
    public double similarity(String a, String b) {
        return dot(unit[id(a)], unit[id(b)]);
    }

    /** The k words closest to a word, itself excluded. */
    public List<Neighbour> nearest(String word, int k) {
        return nearest(unit[id(word)], k, Set.of(word));
    }

    /** The k words whose unit vectors have the largest dot product with the query, skipping the excluded. */
    public List<Neighbour> nearest(float[] query, int k, Set<String> exclude) {
        float[] q = normalize(query);
        List<Neighbour> best = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (exclude.contains(words[i])) continue;
            double cos = dot(q, unit[i]);
            if (best.size() < k || cos > best.get(best.size() - 1).cosine()) {
                int at = best.size();
                while (at > 0 && best.get(at - 1).cosine() < cos) at--;
                best.add(at, new Neighbour(words[i], cos));
                if (best.size() > k) best.remove(best.size() - 1);
            }
        }
        return best;
    }

    /**
     * "a is to b as c is to ?": the words nearest to b − a + c on unit vectors (3CosAdd, Mikolov et
     * al. 2013), the three question words excluded. man king woman → king − man + woman ≈ queen.
     */
    public List<Neighbour> analogy(String a, String b, String c, int k) {
        float[] ua = unit[id(a)], ub = unit[id(b)], uc = unit[id(c)];
        float[] q = new float[dim()];
        for (int i = 0; i < q.length; i++) q[i] = ub[i] - ua[i] + uc[i];
        return nearest(q, k, Set.of(a, b, c));
    }

    public long count(String w) {
        return counts == null ? 0 : counts[id(w)];
    }

    /** Writes the word2vec text format (atomically). */
    public Path save(Path file) throws IOException {
        StringBuilder b = new StringBuilder(words.length * dim() * 10);
        b.append(words.length).append(' ').append(dim()).append('\n');
        for (int i = 0; i < words.length; i++) {
            b.append(words[i]);
            for (float x : vectors[i]) b.append(' ').append(String.format(Locale.ROOT, "%.6f", x));
            b.append('\n');
        }
        return AtomicFiles.writeString(file, b.toString());
    }

    /** Reads the word2vec text format; malformed files give an error naming the line. */
    public static WordVectors load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException("word vectors not found: " + file + " (train them with `genai word2vec train --out " + file + "`)");
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            String[] hv = header == null ? new String[0] : header.strip().split("\\s+");
            int n, d;
            try {
                if (hv.length != 2) throw new NumberFormatException();
                n = Integer.parseInt(hv[0]);
                d = Integer.parseInt(hv[1]);
            } catch (NumberFormatException e) {
                throw new IOException(file + ": the first line must be '<words> <dimensions>' (word2vec text format)");
            }
            if (n < 1 || d < 1) throw new IOException(file + ": " + n + " words of dimension " + d + " in the header");
            // Each line holds a word and d numbers, each at least one character plus a separator:
            // a header promising more than the file can hold is refused before allocating n×d floats.
            long atLeast = (long) n * (2L * d + 2);
            if (atLeast > Files.size(file)) {
                throw new IOException(file + ": the header promises " + n + " words of dimension " + d + ", at least " + atLeast
                        + " bytes, but the file has " + Files.size(file));
            }
            String[] words = new String[n];
            float[][] vectors = new float[n][d];
            for (int i = 0; i < n; i++) {
                String line = r.readLine();
                if (line == null) throw new IOException(file + ": the header promises " + n + " words but the file ends after " + i);
                String[] p = line.strip().split(" ");
                if (p.length != d + 1) throw new IOException(file + " line " + (i + 2) + ": expected a word and " + d + " numbers, got " + (p.length - 1));
                words[i] = p[0];
                try {
                    for (int j = 0; j < d; j++) vectors[i][j] = Float.parseFloat(p[j + 1]);
                } catch (NumberFormatException e) {
                    throw new IOException(file + " line " + (i + 2) + ": not a number: " + e.getMessage());
                }
            }
            return new WordVectors(words, vectors, null);
        }
    }

    private static float[] normalize(float[] v) {
        double n = 0;
        for (float x : v) n += (double) x * x;
        float inv = n == 0 ? 0f : (float) (1 / Math.sqrt(n));
        float[] u = Arrays.copyOf(v, v.length);
        for (int i = 0; i < u.length; i++) u[i] *= inv;
        return u;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
        return s;
    }
}
