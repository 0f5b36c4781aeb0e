package io.genai4j.text.spm;

import io.genai4j.text.prim.IntArrayBuilder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * SentencePiece's BPE as llama.cpp runs it on a {@code tokenizer.ggml.model = llama} vocabulary
 * (Llama 2, Mistral, Phi-3...): the text, spaces already written as ▁, starts as one symbol per
 * character; repeatedly the adjacent pair whose concatenation is a vocabulary token with the
 * highest score is merged (ties: leftmost first); at the end a symbol that is not a token is split
 * back along the merges that made it, and what still is no token becomes byte tokens
 * {@code <0xXX>} of its UTF-8 (byte fallback), so no text is ever unknown.
 */
public final class SentencePieceBpe {
    private final Map<String, Integer> ids;
    private final float[] scores;
    private final int[] byteIds;

    /**
     * @param ids     token text → id
     * @param scores  score of each id (higher merges first)
     * @param byteIds id of the byte token {@code <0xXX>} for each byte value, or -1
     */
    public SentencePieceBpe(Map<String, Integer> ids, float[] scores, int[] byteIds) {
        this.ids = ids;
        this.scores = scores;
        this.byteIds = byteIds.clone();
    }

    private static final class Symbol {
        int prev, next;
        int start, len;   // chars of the text
    }

    private record Bigram(int left, int right, float score, int size) {}

    /** Tokenizes text (whitespace already escaped as ▁) and appends the ids. */
    public void encodeInto(String text, IntArrayBuilder out) {
        String s = wellFormed(text);
        int n = s.codePointCount(0, s.length());
        if (n == 0) return;
        Symbol[] sym = new Symbol[n];
        for (int i = 0, at = 0; i < n; i++) {
            Symbol x = new Symbol();
            x.start = at;
            x.len = Character.charCount(s.codePointAt(at));
            at += x.len;
            x.prev = i - 1;
            x.next = i + 1 < n ? i + 1 : -1;
            sym[i] = x;
        }
        PriorityQueue<Bigram> queue = new PriorityQueue<>((a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.left, b.left));
        Map<String, int[]> revMerge = new HashMap<>();
        for (int i = 1; i < n; i++) tryAdd(s, sym, i - 1, i, queue, revMerge);
        while (!queue.isEmpty()) {
            Bigram bg = queue.poll();
            Symbol l = sym[bg.left], r = sym[bg.right];
            if (l.len == 0 || r.len == 0 || l.len + r.len != bg.size) continue;   // a side was merged since
            l.len += r.len;
            r.len = 0;
            l.next = r.next;
            if (r.next >= 0) sym[r.next].prev = bg.left;
            tryAdd(s, sym, l.prev, bg.left, queue, revMerge);
            tryAdd(s, sym, bg.left, l.next, queue, revMerge);
        }
        for (int i = 0; i != -1; i = sym[i].next) resegment(s, sym, sym[i], revMerge, out);
    }

    private void tryAdd(String s, Symbol[] sym, int left, int right, PriorityQueue<Bigram> queue, Map<String, int[]> revMerge) {
        if (left == -1 || right == -1) return;
        String text = s.substring(sym[left].start, sym[left].start + sym[left].len + sym[right].len);
        Integer id = ids.get(text);
        if (id == null || Float.isNaN(scores[id])) return;   // NaN: a token no merge makes (tokenizer.json vocabularies)
        queue.add(new Bigram(left, right, scores[id], text.length()));
        revMerge.put(text, new int[] {left, right});
    }

    private void resegment(String s, Symbol[] sym, Symbol x, Map<String, int[]> revMerge, IntArrayBuilder out) {
        String text = s.substring(x.start, x.start + x.len);
        Integer id = ids.get(text);
        if (id != null) {
            out.add(id);
            return;
        }
        int[] parts = revMerge.get(text);
        if (parts == null) {
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                int bid = byteIds[b & 0xFF];
                if (bid >= 0) out.add(bid);
            }
            return;
        }
        resegment(s, sym, sym[parts[0]], revMerge, out);
        resegment(s, sym, sym[parts[1]], revMerge, out);
    }

    /** Lone surrogates become U+FFFD, as any UTF-8 encoder writes them. */
    static String wellFormed(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                if (b != null) b.append(c).append(s.charAt(i + 1));
                i++;
            } else if (Character.isSurrogate(c)) {
                if (b == null) b = new StringBuilder(s.substring(0, i));
                b.append('\uFFFD');
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
