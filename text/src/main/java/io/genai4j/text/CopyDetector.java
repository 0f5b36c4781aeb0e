package io.genai4j.text;

import io.genai4j.text.prim.IntArrayBuilder;
import io.genai4j.text.prim.LongIntMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much of a generated text is copied from the training text: the share of generated words that
 * lie inside a span of at least {@code minSpan} consecutive words found verbatim in the training
 * text, and the longest such span. This turns "a 4-gram model plagiarises" into a number.
 *
 * <p>Words are {@link WordTokenizer} pieces that start with a letter or digit, case-sensitive;
 * punctuation and line breaks are ignored, so a copy is not broken by a changed comma. Every
 * {@code minSpan}-word window of the training text is indexed by a 64-bit hash; candidates are
 * checked word by word, so a hash collision cannot count as a copy.
 */
public final class CopyDetector {
    public static final int DEFAULT_MIN_SPAN = 8;

    private final int minSpan;
    private final Map<String, Integer> dictionary = new HashMap<>();
    private final int[] train;
    private final LongIntMap firstAt;   // window hash -> first position with that hash
    private final int[] nextAt;         // position -> next position with the same hash, or -1

    public CopyDetector(String trainText, int minSpan) {
        if (minSpan < 1) throw new IllegalArgumentException("minimum copy span must be >= 1, got " + minSpan);
        this.minSpan = minSpan;
        IntArrayBuilder ids = new IntArrayBuilder(trainText.length() / 5 + 1);
        for (String p : WordTokenizer.split(trainText)) {
            if (!WordTokenizer.isWord(p)) continue;
            Integer id = dictionary.get(p);
            if (id == null) dictionary.put(p, id = dictionary.size());
            ids.add(id);
        }
        train = ids.toArray();
        int windows = Math.max(0, train.length - minSpan + 1);
        firstAt = new LongIntMap(windows);
        nextAt = new int[windows];
        for (int p = windows - 1; p >= 0; p--) { // backwards, so chains run in text order
            long h = hash(train, p);
            int prev = firstAt.get(h);
            nextAt[p] = prev;
            firstAt.put(h, p);
        }
    }

    /** The result for one generated text. */
    public record Result(int words, int copiedWords, int longestSpan, String longestText) {
        /** Share of generated words inside a copied span (0 when there are no words). */
        public double rate() {
            return words == 0 ? 0 : (double) copiedWords / words;
        }
    }

    public int minSpan() {
        return minSpan;
    }

    public Result measure(String generated) {
        List<String> words = new ArrayList<>();
        for (String p : WordTokenizer.split(generated)) if (WordTokenizer.isWord(p)) words.add(p);
        int n = words.size();
        int[] g = new int[n];
        for (int i = 0; i < n; i++) g[i] = dictionary.getOrDefault(words.get(i), -1);
        boolean[] copied = new boolean[n];
        int longest = 0, longestStart = 0;
        for (int a = 0; a + minSpan <= n; a++) {
            int len = longestMatchAt(g, a);
            if (len < minSpan) continue;
            for (int i = a; i < a + len; i++) copied[i] = true;
            if (len > longest) {
                longest = len;
                longestStart = a;
            }
        }
        int count = 0;
        for (boolean c : copied) if (c) count++;
        String text = longest == 0 ? "" : String.join(" ", words.subList(longestStart, longestStart + longest));
        return new Result(n, count, longest, text);
    }

    /** Length of the longest prefix of g[a..] found in the training words (0 if shorter than minSpan). */
    private int longestMatchAt(int[] g, int a) {
        for (int i = a; i < a + minSpan; i++) if (g[i] < 0) return 0; // a word the training text never had
        int best = 0;
        int p = firstAt.get(hash(g, a));
        for (; p >= 0; p = nextAt[p]) {
            int len = 0;
            while (a + len < g.length && p + len < train.length && g[a + len] == train[p + len]) len++;
            if (len >= minSpan && len > best) best = len;
        }
        return best;
    }

    private long hash(int[] ids, int from) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = from; i < from + minSpan; i++) {
            h = (h ^ ids[i]) * 0x100000001B3L;
            h ^= h >>> 29;
        }
        return h;
    }
}
