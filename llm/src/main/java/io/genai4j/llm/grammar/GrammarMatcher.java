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

    /**
     * One walk of the trie. Two kinds of subtree are accepted whole without walking them (their tokens
     * are one run of the trie's sorted ids; these are the tokens whose acceptance does not depend on
     * the rest of the parse): one whose bytes all lead from the state at its top back to that same
     * state (plain text in an unbounded string), and one of plain bytes no deeper than the plain run
     * the state allows (plain text in a string with room left).
     */
    private long[] compute(int state) {
        long[] bits = new long[words];
        if (automaton.accepting(state)) for (int id : trie.eog) bits[id >>> 6] |= 1L << id;
        int[] end = trie.end, ts = trie.tokStart, tc = trie.tokCount, ids = trie.sortedIds, before = trie.tokBefore;
        long[] below = trie.belowBytes;
        byte[] nb = trie.nodeByte;
        int[] table = automaton.table;
        int d = 0;
        cur[0] = 1;
        lim[0] = end[0];
        st[0] = state;
        while (d >= 0) {
            int c = cur[d];
            if (c >= lim[d]) {
                d--;
                continue;
            }
            cur[d] = end[c];
            int b = nb[c] & 0xFF;
            int s2 = table[st[d] << 8 | b];
            if (s2 == ByteAutomaton.UNKNOWN) {
                s2 = automaton.step(st[d], b);
                table = automaton.table;
            }
            if (s2 == ByteAutomaton.DEAD) continue;
            if (end[c] == c + 1) {
                for (int k = ts[c], e = k + tc[c]; k < e; k++) bits[ids[k] >>> 6] |= 1L << ids[k];
                continue;
            }
            if (trie.plainBelow[c] && trie.depthBelow[c] <= automaton.plainDepth(s2)) {   // e.g. a bounded string with room left
                table = automaton.table;
                for (int k = before[c], e = before[end[c]]; k < e; k++) bits[ids[k] >>> 6] |= 1L << ids[k];
                continue;
            }
            boolean loops = automaton.loopsOn(s2, below, 4 * c);
            table = automaton.table;
            if (loops) {
                for (int k = before[c], e = before[end[c]]; k < e; k++) bits[ids[k] >>> 6] |= 1L << ids[k];
                continue;
            }
            for (int k = ts[c], e = k + tc[c]; k < e; k++) bits[ids[k] >>> 6] |= 1L << ids[k];
            d++;
            cur[d] = c + 1;
            lim[d] = end[c];
            st[d] = s2;
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
