package io.genai4j.llm.grammar;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recognizer of a {@link Grammar} over UTF-8 bytes: a pushdown automaton in llama.cpp's style (a
 * parse is a stack of positions in the grammar; the state is the set of stacks whose top expects a
 * byte), made deterministic lazily. Stacks are hash-consed (a stack is a position plus its parent
 * stack), a set of stacks is interned as a numbered state, and each state's 256 transitions are
 * computed on first use and then cost one array read, so walking a token trie from a state seen
 * before touches no grammar at all.
 *
 * <p>Character classes with non-ASCII members become rules of UTF-8 byte-range sequences
 * ({@link Utf8Sequences}), so a token may end inside a character and the next one finish it.
 * Left recursion would stack forever and is rejected when compiling, naming the rule.
 *
 * <p>Not thread-safe: {@link GrammarMatcher} serializes access.
 */
public final class ByteAutomaton {
    static final int DEAD = -1;
    static final int UNKNOWN = -2;
    private static final int END = 0, BYTES = 1, REF = 2;

    private final int[] kind, arg;          // per grammar position
    private final long[][] byteSets;        // per BYTES element: 256 bits
    private final int[][] ruleAlts;         // per rule: the positions where its alternatives start

    // Stacks: frame f = (position framePos[f], parent frame frameParent[f]); parent -1 is the empty stack.
    private int[] framePos = new int[1024], frameParent = new int[1024];
    private int frames;
    private final Map<Long, Integer> frameIds = new HashMap<>();

    // States: sets of frames whose top is a BYTES element, plus whether the whole input may end here.
    private final List<int[]> leaves = new ArrayList<>();
    /** Transitions of state s at {@code table[s * 256 + b]}: a state, DEAD, or UNKNOWN until first asked. */
    int[] table = new int[256 * 64];
    private final List<long[]> firstBytes = new ArrayList<>();

    private final BitSet accepting = new BitSet();
    private final Map<StateKey, Integer> stateIds = new HashMap<>();
    private final int start;

    private record StateKey(int[] frames, boolean accept) {
        @Override
        public boolean equals(Object o) {
            return o instanceof StateKey k && accept == k.accept && Arrays.equals(frames, k.frames);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(frames) * 31 + (accept ? 1 : 0);
        }
    }

    private ByteAutomaton(int[] kind, int[] arg, long[][] byteSets, int[][] ruleAlts, int root) {
        Arrays.fill(table, UNKNOWN);
        this.kind = kind;
        this.arg = arg;
        this.byteSets = byteSets;
        this.ruleAlts = ruleAlts;
        Closure c = new Closure();
        for (int alt : ruleAlts[root]) c.add(push(alt, -1));
        this.start = c.intern();
    }

    /** Compiles a grammar; a left-recursive rule is a {@link GrammarException}. */
    public static ByteAutomaton compile(Grammar g) {
        return new Layout(g).automaton();
    }

    public int start() {
        return start;
    }

    /** The state after byte b (0-255), or {@link #DEAD} when the grammar does not allow it. */
    public int step(int state, int b) {
        int next = table[state << 8 | b];
        if (next != UNKNOWN) return next;
        long[] first = firstBytes.get(state);
        if ((first[b >>> 6] >>> b & 1) == 0) {
            table[state << 8 | b] = DEAD;
            return DEAD;
        }
        Closure c = new Closure();
        for (int f : leaves.get(state)) {
            int pos = framePos[f];
            long[] set = byteSets[arg[pos]];
            if ((set[b >>> 6] >>> b & 1) != 0) c.add(advance(pos, frameParent[f]));
        }
        next = c.intern();
        table[state << 8 | b] = next;
        return next;
    }

    /** Printable ASCII but the quote and the backslash: the bytes of plain text inside a JSON string. */
    static final long[] PLAIN = plainBytes();
    /** Plain runs longer than this count as unbounded. */
    static final int PLAIN_CAP = 1 << 16;
    private int[] plainDepth = new int[64];   // per state: 0 = not yet known, else 1 + the depth

    private static long[] plainBytes() {
        long[] set = new long[4];
        for (int b = 0x20; b < 0x7F; b++) if (b != '"' && b != '\\') set[b >>> 6] |= 1L << b;
        return set;
    }

    /**
     * How many plain bytes (any of {@link #PLAIN}, in any order) the input may continue with from this
     * state: every plain byte must lead to one same live state, again and again. Inside a JSON string of
     * at most k more characters it is k; inside an unbounded one, {@link #PLAIN_CAP}; elsewhere mostly 0.
     */
    int plainDepth(int state) {
        if (state >= plainDepth.length) plainDepth = Arrays.copyOf(plainDepth, Math.max(state + 1, plainDepth.length * 2));
        if (plainDepth[state] != 0) return plainDepth[state] - 1;
        // Follow the chain of uniform successors, then fill in the depths from its end backwards.
        int[] chain = new int[16];
        int n = 0, s = state, tail;
        while (true) {
            if (s < plainDepth.length && plainDepth[s] != 0) {
                tail = plainDepth[s] - 1;
                break;
            }
            if (n == chain.length) chain = Arrays.copyOf(chain, n * 2);
            chain[n++] = s;
            int next = uniformPlainSuccessor(s);
            if (next == DEAD) {
                tail = -1;   // the last state of the chain takes no plain byte: depth 0 there
                break;
            }
            boolean seen = false;
            for (int i = 0; i < n; i++) seen |= chain[i] == next;
            if (seen || n >= PLAIN_CAP) {
                tail = PLAIN_CAP - 1;   // a cycle of plain bytes: unbounded
                break;
            }
            s = next;
        }
        for (int i = n - 1; i >= 0; i--) {
            tail = Math.min(PLAIN_CAP, tail + 1);
            int st = chain[i];
            if (st >= plainDepth.length) plainDepth = Arrays.copyOf(plainDepth, Math.max(st + 1, plainDepth.length * 2));
            plainDepth[st] = tail + 1;
        }
        return plainDepth[state] - 1;
    }

    /** The one live state that every plain byte leads to, or DEAD when they differ or one is rejected. */
    private int uniformPlainSuccessor(int state) {
        int next = UNKNOWN;
        for (int b = 0x20; b < 0x7F; b++) {
            if (b == '"' || b == '\\') continue;
            int t = step(state, b);
            if (t == DEAD || (next != UNKNOWN && t != next)) return DEAD;
            next = t;
        }
        return next;
    }

    /**
     * True when every byte in the 256-bit set at {@code bytes[off..off+3]} leads from the state back
     * to itself (inside a JSON string: every byte that needs no escaping). Stops at the first byte
     * that does not, so a structural state (after a comma, say) costs one transition.
     */
    boolean loopsOn(int state, long[] bytes, int off) {
        for (int w = 0; w < 4; w++) {
            long bits = bytes[off + w];
            while (bits != 0) {
                int b = w * 64 + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                if (step(state, b) != state) return false;
            }
        }
        return true;
    }

    /** The state after all the bytes, or {@link #DEAD}. */
    public int walk(int state, byte[] bytes) {
        for (int i = 0; i < bytes.length && state != DEAD; i++) state = step(state, bytes[i] & 0xFF);
        return state;
    }

    /** True when the input may end here. */
    public boolean accepting(int state) {
        return accepting.get(state);
    }

    /** True when the input must end here: accepting, and no byte continues it. */
    public boolean complete(int state) {
        return accepting(state) && leaves.get(state).length == 0;
    }

    /** The one byte that can follow (the state not accepting), or -1 when there is a choice. */
    public int onlyByte(int state) {
        if (accepting(state)) return -1;
        long[] f = firstBytes.get(state);
        int count = Long.bitCount(f[0]) + Long.bitCount(f[1]) + Long.bitCount(f[2]) + Long.bitCount(f[3]);
        if (count != 1) return -1;
        for (int w = 0; w < 4; w++) if (f[w] != 0) return w * 64 + Long.numberOfTrailingZeros(f[w]);
        return -1;
    }

    /** True when the whole of s is in the grammar's language. */
    public boolean matches(String s) {
        int st = walk(start, s.getBytes(StandardCharsets.UTF_8));
        return st != DEAD && accepting(st);
    }

    /** The number of states made so far (they are made on first use). */
    public int states() {
        return leaves.size();
    }

    /** The frame for position pos under parent; an empty alternative (pos at END) is the parent itself. */
    private int push(int pos, int parent) {
        return kind[pos] == END ? parent : frame(pos, parent);
    }

    /** The stack after the element at pos is done: the next element, or the parent's continuation. */
    private int advance(int pos, int parent) {
        return push(pos + 1, parent);
    }

    private int frame(int pos, int parent) {
        long key = (long) pos << 32 | (parent + 1L);
        Integer id = frameIds.get(key);
        if (id != null) return id;
        if (frames == framePos.length) {
            framePos = Arrays.copyOf(framePos, frames * 2);
            frameParent = Arrays.copyOf(frameParent, frames * 2);
        }
        framePos[frames] = pos;
        frameParent[frames] = parent;
        frameIds.put(key, frames);
        return frames++;
    }

    // Scratch of the closure being computed: frames seen in this closure carry the current epoch.
    private int[] seenEpoch = new int[1024];
    private int epoch;
    private int[] tops = new int[64];

    /** The stacks reachable without reading a byte, collected into a state (one at a time: scratch is shared). */
    private final class Closure {
        private int count;
        private boolean accept;

        Closure() {
            epoch++;
        }

        void add(int f) {
            if (f == -1) {
                accept = true;
                return;
            }
            if (f >= seenEpoch.length) seenEpoch = Arrays.copyOf(seenEpoch, Math.max(f + 1, seenEpoch.length * 2));
            if (seenEpoch[f] == epoch) return;
            seenEpoch[f] = epoch;
            int pos = framePos[f];
            if (kind[pos] == BYTES) {
                if (count == tops.length) tops = Arrays.copyOf(tops, count * 2);
                tops[count++] = f;
                return;
            }
            int cont = advance(pos, frameParent[f]);   // kind REF
            for (int alt : ruleAlts[arg[pos]]) add(push(alt, cont));
        }

        int intern() {
            if (count == 0 && !accept) return DEAD;
            int[] fs = Arrays.copyOf(tops, count);
            Arrays.sort(fs);
            StateKey key = new StateKey(fs, accept);
            Integer id = stateIds.get(key);
            if (id != null) return id;
            int s = leaves.size();
            leaves.add(fs);
            if ((s + 1) * 256 > table.length) {
                int old = table.length;
                table = Arrays.copyOf(table, old * 2);
                Arrays.fill(table, old, table.length, UNKNOWN);
            }
            long[] first = new long[4];
            for (int f : fs) {
                long[] set = byteSets[arg[framePos[f]]];
                for (int w = 0; w < 4; w++) first[w] |= set[w];
            }
            firstBytes.add(first);
            if (accept) accepting.set(s);
            stateIds.put(key, s);
            return s;
        }
    }

    /** Lays a grammar out as flat positions: byte-set elements, rule references, an END after each alternative. */
    private static final class Layout {
        private final List<Integer> kind = new ArrayList<>(), arg = new ArrayList<>();
        private final List<long[]> sets = new ArrayList<>();
        private final Map<Grammar.Chars, Integer> utf8Rules = new LinkedHashMap<>();
        private final List<List<List<long[]>>> extraRules = new ArrayList<>();   // utf8 rules: alternatives of byte sets
        private final List<String> names = new ArrayList<>();
        private final int root;
        private final int[][] alts;

        Layout(Grammar g) {
            int n = g.rules().size();
            List<int[]> ruleAlts = new ArrayList<>();
            for (Grammar.Rule r : g.rules()) names.add(r.name());
            for (int r = 0; r < n; r++) {
                List<List<Grammar.Element>> as = g.rules().get(r).alternatives();
                int[] starts = new int[as.size()];
                for (int a = 0; a < as.size(); a++) {
                    starts[a] = kind.size();
                    for (Grammar.Element e : as.get(a)) {
                        switch (e) {
                            case Grammar.Ref ref -> add(REF, ref.rule());
                            case Grammar.Chars c -> {
                                if (c.ranges().length == 0) throw new GrammarException("rule '" + r(g, r) + "' has a character class that matches nothing");
                                if (c.ranges()[c.ranges().length - 1] < 0x80) addBytes(asciiSet(c));
                                else add(REF, n + utf8Rules.computeIfAbsent(c, this::utf8Rule));
                            }
                        }
                    }
                    add(END, 0);
                }
                ruleAlts.add(starts);
            }
            for (List<List<long[]>> rule : extraRules) {
                int[] starts = new int[rule.size()];
                for (int a = 0; a < rule.size(); a++) {
                    starts[a] = kind.size();
                    for (long[] set : rule.get(a)) addBytes(set);
                    add(END, 0);
                }
                ruleAlts.add(starts);
            }
            alts = ruleAlts.toArray(int[][]::new);
            root = g.root();
            checkLeftRecursion();
        }

        private static String r(Grammar g, int r) {
            return io.genai4j.engine.util.Printable.of(g.rules().get(r).name());
        }

        private void add(int k, int a) {
            kind.add(k);
            arg.add(a);
        }

        private void addBytes(long[] set) {
            sets.add(set);
            add(BYTES, sets.size() - 1);
        }

        private static long[] asciiSet(Grammar.Chars c) {
            long[] set = new long[4];
            int[] rs = c.ranges();
            for (int i = 0; i < rs.length; i += 2) for (int b = rs[i]; b <= rs[i + 1]; b++) set[b >>> 6] |= 1L << b;
            return set;
        }

        private static long[] range(int lo, int hi) {
            long[] set = new long[4];
            for (int b = lo; b <= hi; b++) set[b >>> 6] |= 1L << b;
            return set;
        }

        /** A rule (numbered after the grammar's) of the UTF-8 sequences of c: one alternative for all single bytes. */
        private int utf8Rule(Grammar.Chars c) {
            List<List<long[]>> rule = new ArrayList<>();
            long[] single = new long[4];
            boolean anySingle = false;
            int[] rs = c.ranges();
            for (int i = 0; i < rs.length; i += 2) {
                for (int[] seq : Utf8Sequences.of(rs[i], rs[i + 1])) {
                    if (seq.length == 2) {
                        long[] s = range(seq[0], seq[1]);
                        for (int w = 0; w < 4; w++) single[w] |= s[w];
                        anySingle = true;
                    } else {
                        List<long[]> alt = new ArrayList<>();
                        for (int j = 0; j < seq.length; j += 2) alt.add(range(seq[j], seq[j + 1]));
                        rule.add(alt);
                    }
                }
            }
            if (anySingle) rule.add(0, List.of(single));
            extraRules.add(rule);
            names.add("utf8-" + extraRules.size());
            return extraRules.size() - 1;
        }

        /** A rule that can begin with itself (after nullable rules) would push stacks forever. */
        private void checkLeftRecursion() {
            int n = alts.length;
            boolean[] nullable = new boolean[n];
            for (boolean changed = true; changed; ) {
                changed = false;
                for (int r = 0; r < n; r++) {
                    if (nullable[r]) continue;
                    for (int a : alts[r]) {
                        int p = a;
                        while (kind.get(p) == REF && nullable[arg.get(p)]) p++;
                        if (kind.get(p) == END) {
                            nullable[r] = true;
                            changed = true;
                            break;
                        }
                    }
                }
            }
            List<List<Integer>> left = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                List<Integer> to = new ArrayList<>();
                for (int a : alts[r]) {
                    for (int p = a; kind.get(p) == REF; p++) {
                        to.add(arg.get(p));
                        if (!nullable[arg.get(p)]) break;
                    }
                }
                left.add(to);
            }
            int[] color = new int[n];   // 0 new, 1 on the path, 2 done
            for (int r = 0; r < n; r++) if (color[r] == 0) visit(r, left, color);
        }

        private void visit(int r, List<List<Integer>> left, int[] color) {
            // Iterative DFS: deep grammars must not overflow the stack.
            Deque stack = new Deque();
            stack.push(r, 0);
            color[r] = 1;
            while (!stack.isEmpty()) {
                int node = stack.node(), i = stack.index();
                List<Integer> to = left.get(node);
                if (i == to.size()) {
                    color[node] = 2;
                    stack.pop();
                    continue;
                }
                stack.setIndex(i + 1);
                int next = to.get(i);
                if (color[next] == 1) {
                    throw new GrammarException("rule '" + io.genai4j.engine.util.Printable.of(names.get(next))
                            + "' is left-recursive (it can begin with itself); write the repetition on the right, e.g. 'x ::= item x?' instead of 'x ::= x? item'");
                }
                if (color[next] == 0) {
                    color[next] = 1;
                    stack.push(next, 0);
                }
            }
        }

        ByteAutomaton automaton() {
            return new ByteAutomaton(kind.stream().mapToInt(Integer::intValue).toArray(), arg.stream().mapToInt(Integer::intValue).toArray(),
                    sets.toArray(long[][]::new), alts, root);
        }
    }

    /** A stack of (node, next edge index) pairs for the iterative depth-first search. */
    private static final class Deque {
        private int[] nodes = new int[16], idx = new int[16];
        private int size;

        void push(int node, int i) {
            if (size == nodes.length) {
                nodes = Arrays.copyOf(nodes, size * 2);
                idx = Arrays.copyOf(idx, size * 2);
            }
            nodes[size] = node;
            idx[size++] = i;
        }

        boolean isEmpty() {
            return size == 0;
        }

        int node() {
            return nodes[size - 1];
        }

        int index() {
            return idx[size - 1];
        }

        void setIndex(int i) {
            idx[size - 1] = i;
        }

        void pop() {
            size--;
        }
    }
}
