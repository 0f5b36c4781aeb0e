package io.genai4j.llm.grammar;

import io.genai4j.llm.TokenConstraint;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A compiled grammar bound to a vocabulary: token masks, token steps and forced continuations for
 * any automaton state, shared by every generation that uses the grammar (it is the
 * {@link TokenConstraint.Factory}; each generation gets its own {@link GrammarConstraint}).
 *
 * <p>A mask walks the {@link TokenTrie} from the state, one automaton transition per trie edge,
 * pruning a subtree at the first byte the grammar rejects. The mask of a state depends on the state
 * alone, so it is computed once per state and reused: inside a JSON string, say, every token that
 * stays in the string leads back to the same state, whose mask is then a lookup. Access is
 * serialized (the automaton grows lazily).
 */
public final class GrammarMatcher implements TokenConstraint.Factory {
    private final ByteAutomaton automaton;
    private final TokenTrie trie;
    private final Map<Integer, long[]> masks = new HashMap<>();
    private final int words;
    private int[] cur, lim, st;

    /** Most forced bytes appended in one go (a grammar could force an unbounded run). */
    static final int MAX_FORCED_BYTES = 256;

    public GrammarMatcher(ByteAutomaton automaton, TokenTrie trie) {
        this.automaton = automaton;
        this.trie = trie;
        this.words = (trie.vocabSize + 63) >>> 6;
        cur = new int[trie.maxDepth + 2];
        lim = new int[trie.maxDepth + 2];
        st = new int[trie.maxDepth + 2];
    }

    public ByteAutomaton automaton() {
        return automaton;
    }

    public TokenTrie trie() {
        return trie;
    }

    @Override
    public GrammarConstraint start() {
        return new GrammarConstraint(this, automaton.start());
    }

    /** The tokens allowed in a state (read-only, cached); end-of-generation tokens when the state accepts. */
    public synchronized long[] allowed(int state) {
        long[] m = masks.get(state);
        if (m == null) {
            m = compute(state);
            masks.put(state, m);
        }
        return m;
    }

    /** Number of states whose mask is cached. */
    public synchronized int cachedMasks() {
        return masks.size();
    }

    private long[] compute(int state) {
        long[] bits = new long[words];
        if (automaton.accepting(state)) for (int id : trie.eog) bits[id >>> 6] |= 1L << id;
        int[] end = trie.end, ts = trie.tokStart, tc = trie.tokCount, ids = trie.sortedIds;
        byte[] nb = trie.nodeByte;
        int d = 0;
        cur[0] = 1;
        lim[0] = end[0];
        st[0] = state;
        while (d >= 0) {
            if (cur[d] >= lim[d]) {
                d--;
                continue;
            }
            int c = cur[d];
            cur[d] = end[c];
            int s2 = automaton.step(st[d], nb[c] & 0xFF);
            if (s2 == ByteAutomaton.DEAD) continue;
            for (int k = ts[c], e = k + tc[c]; k < e; k++) bits[ids[k] >>> 6] |= 1L << ids[k];
            if (end[c] > c + 1) {
                d++;
                cur[d] = c + 1;
                lim[d] = end[c];
                st[d] = s2;
            }
        }
        return bits;
    }

    /** The state after a token, or {@link ByteAutomaton#DEAD} when the token is not allowed there. */
    public synchronized int advance(int state, int token) {
        if (trie.isEndOfGeneration(token)) return automaton.accepting(state) ? state : ByteAutomaton.DEAD;
        byte[] b = token >= 0 && token < trie.vocabSize ? trie.bytes(token) : null;
        return b == null ? ByteAutomaton.DEAD : automaton.walk(state, b);
    }

    public synchronized boolean complete(int state) {
        return automaton.complete(state);
    }

    /**
     * The tokens of the bytes the grammar forces from this state (while exactly one byte may come and
     * the input may not end), each the longest token that is a prefix of what is left.
     */
    public synchronized int[] forced(int state) {
        byte[] bytes = new byte[MAX_FORCED_BYTES];
        int n = 0, s = state, b;
        while (n < MAX_FORCED_BYTES && (b = automaton.onlyByte(s)) >= 0) {
            bytes[n++] = (byte) b;
            s = automaton.step(s, b);
        }
        int[] out = new int[n];
        int count = 0;
        for (int i = 0; i < n; ) {
            int id = trie.longestPrefix(bytes, i, n);
            if (id < 0) break;
            out[count++] = id;
            i += trie.bytes(id).length;
        }
        return Arrays.copyOf(out, count);
    }
}
