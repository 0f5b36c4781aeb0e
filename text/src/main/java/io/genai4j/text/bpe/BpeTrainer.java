package io.genai4j.text.bpe;

import io.genai4j.text.prim.LongIntMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Learns a byte-level BPE from a corpus, the way GPT-2's vocabulary was made: start from the 256
 * bytes, count adjacent token pairs inside pre-tokenizer pieces (weighted by how often each piece
 * occurs), merge the most frequent pair into a new token, and repeat until the vocabulary is full.
 *
 * <p>Ties between equally frequent pairs go to the pair with the smaller (left id, right id), so
 * training is deterministic. After a merge only the pieces that contain the pair are recounted.
 */
public final class BpeTrainer {
    private BpeTrainer() {}

    /**
     * @param vocabSize     final size: 256 byte tokens + merges + special tokens
     * @param specialTokens e.g. {@code <|endoftext|>}; they get the last ids
     */
    public static ByteLevelBpe train(String text, int vocabSize, List<String> specialTokens) {
        if (vocabSize < 256 + specialTokens.size()) {
            throw new IllegalArgumentException("BPE vocabulary size must be at least 256 + " + specialTokens.size() + " special tokens, got " + vocabSize);
        }
        // Distinct pieces and their counts: BPE never merges across pieces, so a piece is the unit of work.
        Map<String, int[]> pieceCounts = new HashMap<>();
        Matcher m = Gpt2PreTokenizer.matcher(text);
        while (m.find()) pieceCounts.computeIfAbsent(m.group(), k -> new int[1])[0]++;

        List<String> tokens = new ArrayList<>(vocabSize);
        Map<String, Integer> ids = new LinkedHashMap<>();
        int[] idOfByte = new int[256];
        for (int i = 0; i < 256; i++) {
            int b = ByteAlphabet.byteAt(i);
            idOfByte[b] = i;
            String t = String.valueOf(ByteAlphabet.charOf(b));
            tokens.add(t);
            ids.put(t, i);
        }

        int n = pieceCounts.size();
        int[][] words = new int[n][];
        int[] lens = new int[n], freq = new int[n];
        int w = 0;
        byte[] buf = new byte[64];
        for (Map.Entry<String, int[]> e : pieceCounts.entrySet()) {
            String piece = e.getKey();
            if (buf.length < piece.length() * 3) buf = new byte[piece.length() * 3];
            int len = Utf8.encode(piece, 0, piece.length(), buf);
            words[w] = new int[len];
            for (int i = 0; i < len; i++) words[w][i] = idOfByte[buf[i] & 0xff];
            lens[w] = len;
            freq[w] = e.getValue()[0];
            w++;
        }

        PairCounts pairs = new PairCounts();
        for (int k = 0; k < n; k++) pairs.addWord(words[k], lens[k], freq[k]);

        List<String[]> merges = new ArrayList<>();
        int target = vocabSize - specialTokens.size();
        while (tokens.size() < target) {
            long best = pairs.mostFrequent();
            if (best < 0) break; // every pair left occurs once: nothing worth merging
            int a = (int) (best >>> 32), b = (int) best;
            String merged = tokens.get(a) + tokens.get(b);
            Integer ab = ids.get(merged);
            if (ab == null) {
                ab = tokens.size();
                tokens.add(merged);
                ids.put(merged, ab);
            }
            merges.add(new String[] {tokens.get(a), tokens.get(b)});
            for (int k = 0; k < n; k++) {
                if (!contains(words[k], lens[k], a, b)) continue;
                pairs.addWord(words[k], lens[k], -freq[k]);
                lens[k] = PairMerge.apply(words[k], lens[k], a, b, ab);
                pairs.addWord(words[k], lens[k], freq[k]);
            }
        }
        for (String s : specialTokens) {
            if (ids.containsKey(s)) throw new IllegalArgumentException("special token " + s + " is already a learned token");
            ids.put(s, ids.size());
        }
        return new ByteLevelBpe(ids, merges);
    }

    private static boolean contains(int[] w, int len, int a, int b) {
        for (int i = 0; i + 1 < len; i++) if (w[i] == a && w[i + 1] == b) return true;
        return false;
    }

    /** Weighted counts of adjacent pairs, keyed by (left id, right id) packed in a long. */
    private static final class PairCounts {
        private final LongIntMap slotOf = new LongIntMap(1 << 14);
        private long[] keys = new long[1 << 14];
        private long[] counts = new long[1 << 14];
        private int size;

        void addWord(int[] w, int len, int weight) {
            for (int i = 0; i + 1 < len; i++) {
                long key = LongIntMap.pack(w[i], w[i + 1]);
                int slot = slotOf.putIfAbsent(key, size);
                if (slot == LongIntMap.ABSENT) {
                    slot = size++;
                    if (slot == keys.length) {
                        keys = Arrays.copyOf(keys, slot * 2);
                        counts = Arrays.copyOf(counts, slot * 2);
                    }
                    keys[slot] = key;
                }
                counts[slot] += weight;
            }
        }

        /** The packed pair with the highest count >= 2 (ties: smallest key), or -1. */
        long mostFrequent() {
            long bestKey = -1, bestCount = 1;
            for (int s = 0; s < size; s++) {
                long c = counts[s];
                if (c > bestCount || (c == bestCount && c > 1 && keys[s] < bestKey)) {
                    bestCount = c;
                    bestKey = keys[s];
                }
            }
            return bestKey;
        }
    }
}
