package io.genai4j.models.word2vec;

import io.genai4j.text.WordTokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A text as word ids for word2vec: lower-cased words (punctuation dropped, inner apostrophes and
 * hyphens kept: {@code o'er}, {@code well-a-day}), cut into passages at blank lines so a context
 * window never spans two speeches. The vocabulary keeps words seen at least min-count times, most
 * frequent first; rarer words are dropped from the stream, as in the reference tool.
 */
public final class WordCorpus {
    private final String[] words;
    private final long[] counts;
    private final List<int[]> passages;
    private final long tokens;

    private WordCorpus(String[] words, long[] counts, List<int[]> passages, long tokens) {
        this.words = words;
        this.counts = counts;
        this.passages = passages;
        this.tokens = tokens;
    }

    public static WordCorpus of(List<String> texts, int minCount) {
        List<List<String>> raw = new ArrayList<>();
        Map<String, long[]> counts = new HashMap<>();
        for (String text : texts) {
            for (String passage : text.split("\\n\\s*\\n")) {
                List<String> ws = new ArrayList<>();
                for (String piece : WordTokenizer.split(passage)) {
                    if (!WordTokenizer.isWord(piece)) continue;
                    String w = piece.toLowerCase(Locale.ROOT);
                    ws.add(w);
                    counts.computeIfAbsent(w, k -> new long[1])[0]++;
                }
                if (!ws.isEmpty()) raw.add(ws);
            }
        }
        List<Map.Entry<String, long[]>> kept = new ArrayList<>();
        for (var e : counts.entrySet()) if (e.getValue()[0] >= minCount) kept.add(e);
        kept.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? Long.compare(b.getValue()[0], a.getValue()[0]) : a.getKey().compareTo(b.getKey()));
        if (kept.size() < 2) throw new IllegalArgumentException("the corpus has fewer than 2 words seen at least " + minCount + " times");
        String[] words = new String[kept.size()];
        long[] c = new long[kept.size()];
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < words.length; i++) {
            words[i] = kept.get(i).getKey();
            c[i] = kept.get(i).getValue()[0];
            ids.put(words[i], i);
        }
        List<int[]> passages = new ArrayList<>();
        long tokens = 0;
        for (List<String> ws : raw) {
            int[] p = ws.stream().map(ids::get).filter(Objects::nonNull).mapToInt(Integer::intValue).toArray();
            if (p.length > 1) {
                passages.add(p);
                tokens += p.length;
            }
        }
        return new WordCorpus(words, c, passages, tokens);
    }

    public String[] words() {
        return words;
    }

    public long count(int id) {
        return counts[id];
    }

    public List<int[]> passages() {
        return passages;
    }

    /** Words kept in the stream (in-vocabulary tokens). */
    public long tokens() {
        return tokens;
    }

    public int size() {
        return words.length;
    }
}
