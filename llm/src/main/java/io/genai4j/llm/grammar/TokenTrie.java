package io.genai4j.llm.grammar;

import io.genai4j.text.vocab.LlmTokenizer;
import io.genai4j.text.vocab.TokenType;
import java.util.Arrays;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The byte strings of a vocabulary's tokens as a trie, laid out in preorder: node {@code c}'s
 * subtree is the nodes {@code c .. end[c]-1}, its children are found by jumping from {@code c+1}
 * along {@code end}, and the tokens that end at a node are a run of {@link #sortedIds}. A walk that
 * rejects a prefix skips the whole subtree with one jump, so computing a mask costs the accepted
 * prefixes, not the vocabulary.
 *
 * <p>Token bytes are what generation streams ({@link LlmTokenizer#piece} without specials): byte-level
 * BPE bytes, SentencePiece pieces with ▁ as a space and {@code <0xNN>} byte-fallback tokens as their byte.
 * Control and unknown tokens are left out; end-of-generation ids are kept aside.
 */
public final class TokenTrie {
    final int vocabSize;
    final byte[][] tokenBytes;     // null: never produced by a grammar
    final byte[] nodeByte;
    final int[] end, tokStart, tokCount;
    /** Tokens at nodes before node c in preorder: the tokens of c's subtree are sortedIds[tokBefore[c], tokBefore[end[c]]). */
    final int[] tokBefore;
    /** The bytes of c's descendants (c's own byte excluded), 4 words per node. */
    final long[] belowBytes;
    /** The longest path below c, in bytes; and whether every byte below c is plain (see {@link ByteAutomaton#PLAIN}). */
    final int[] depthBelow;
    final boolean[] plainBelow;
    final int[] sortedIds;
    final int[] eog;
    final int maxDepth;

    private static final Map<LlmTokenizer, TokenTrie> CACHE = new WeakHashMap<>();

    /** The trie of a tokenizer's vocabulary (built once per tokenizer and kept while it lives). */
    public static TokenTrie of(LlmTokenizer t) {
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(t, TokenTrie::build);
        }
    }

    private static TokenTrie build(LlmTokenizer t) {
        int n = t.vocabSize();
        byte[][] bytes = new byte[n][];
        TokenType[] types = t.vocabulary().types();
        int[] eog = t.vocabulary().eog().stream().mapToInt(Integer::intValue).sorted().toArray();
        for (int i = 0; i < n; i++) {
            if (types[i] == TokenType.CONTROL || types[i] == TokenType.UNKNOWN || types[i] == TokenType.UNUSED || t.isEndOfGeneration(i)) continue;
            byte[] p = t.piece(i, false);
            if (p.length > 0) bytes[i] = p;
        }
        return new TokenTrie(bytes, eog);
    }

    /** A trie of the given token bytes (null entries are never allowed) and end-of-generation ids. */
    public TokenTrie(byte[][] tokenBytes, int[] eog) {
        this.vocabSize = tokenBytes.length;
        this.tokenBytes = tokenBytes;
        this.eog = eog.clone();
        Integer[] order = new Integer[vocabSize];
        int m = 0;
        for (int i = 0; i < vocabSize; i++) if (tokenBytes[i] != null) order[m++] = i;
        Integer[] ids = Arrays.copyOf(order, m);
        Arrays.sort(ids, (a, b) -> {
            int c = Arrays.compareUnsigned(tokenBytes[a], tokenBytes[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        sortedIds = new int[m];
        for (int i = 0; i < m; i++) sortedIds[i] = ids[i];
        // Preorder construction from sorted strings: keep the current path, pop to the common prefix.
        int cap = 1 + Arrays.stream(ids).mapToInt(i -> tokenBytes[i].length).sum();
        byte[] nb = new byte[cap];
        int[] e = new int[cap], ts = new int[cap], tc = new int[cap];
        int nodes = 1;
        int maxLen = 0;
        for (int i = 0; i < m; i++) maxLen = Math.max(maxLen, tokenBytes[ids[i]].length);
        int[] path = new int[maxLen + 1];
        int depth = 0;            // path[0..depth] are open nodes; path[0] the root
        byte[] prev = new byte[0];
        for (int i = 0; i < m; i++) {
            byte[] s = tokenBytes[sortedIds[i]];
            int lcp = 0;
            while (lcp < Math.min(prev.length, s.length) && prev[lcp] == s[lcp]) lcp++;
            while (depth > lcp) e[path[depth--]] = nodes;
            for (int k = lcp; k < s.length; k++) {
                nb[nodes] = s[k];
                ts[nodes] = i;
                path[++depth] = nodes++;
            }
            int leaf = path[depth];
            if (tc[leaf] == 0) ts[leaf] = i;
            tc[leaf]++;
            prev = s;
        }
        while (depth >= 0) e[path[depth--]] = nodes;
        nodeByte = Arrays.copyOf(nb, nodes);
        end = Arrays.copyOf(e, nodes);
        tokStart = Arrays.copyOf(ts, nodes);
        tokCount = Arrays.copyOf(tc, nodes);
        maxDepth = maxLen;
        tokBefore = new int[nodes + 1];
        for (int c = 0; c < nodes; c++) tokBefore[c + 1] = tokBefore[c] + tokCount[c];
        belowBytes = new long[4 * nodes];
        depthBelow = new int[nodes];
        plainBelow = new boolean[nodes];
        for (int c = nodes - 1; c >= 0; c--) {
            for (int ch = c + 1; ch < end[c]; ch = end[ch]) {
                int b = nodeByte[ch] & 0xFF;
                belowBytes[4 * c + (b >>> 6)] |= 1L << b;
                for (int w = 0; w < 4; w++) belowBytes[4 * c + w] |= belowBytes[4 * ch + w];
                depthBelow[c] = Math.max(depthBelow[c], 1 + depthBelow[ch]);
            }
            plainBelow[c] = (belowBytes[4 * c] & ~ByteAutomaton.PLAIN[0]) == 0 && (belowBytes[4 * c + 1] & ~ByteAutomaton.PLAIN[1]) == 0
                    && belowBytes[4 * c + 2] == 0 && belowBytes[4 * c + 3] == 0;
        }
    }

    public int vocabSize() {
        return vocabSize;
    }

    /** The bytes token id stands for, or null when no grammar can produce it (specials, empty pieces). */
    public byte[] bytes(int id) {
        return tokenBytes[id];
    }

    public boolean isEndOfGeneration(int id) {
        return Arrays.binarySearch(eog, id) >= 0;
    }

    /** Number of trie nodes (the root included). */
    public int nodes() {
        return end.length;
    }

    /** The id of the longest token that is a prefix of bytes[from..to), or -1. */
    int longestPrefix(byte[] bytes, int from, int to) {
        int best = -1, node = 0;
        for (int i = from; i < to; i++) {
            int c = node + 1, found = -1;
            while (c < end[node]) {
                if (nodeByte[c] == bytes[i]) {
                    found = c;
                    break;
                }
                c = end[c];
            }
            if (found < 0) break;
            node = found;
            if (tokCount[node] > 0) best = sortedIds[tokStart[node]];
        }
        return best;
    }
}
