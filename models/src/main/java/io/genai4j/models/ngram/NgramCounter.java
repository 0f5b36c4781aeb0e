package io.genai4j.models.ngram;

import io.genai4j.text.prim.IntArrayBuilder;
import io.genai4j.text.prim.LongIntMap;
import java.util.Arrays;

/**
 * Counts all n-grams of orders 1..N in one pass over the token ids. The trie is a hash map from
 * (parent node, token) packed in a long to the child node: the k-gram ending at position i is the
 * child of the (k-1)-gram that ended at i-1, so each position costs N lookups and no allocation.
 * When a k-gram appears for the first time, its suffix (drop the first token) gains one distinct
 * left context: that is Kneser-Ney's continuation count, counted for free.
 */
public final class NgramCounter {
    public static final int MAX_ORDER = 16;

    private NgramCounter() {}

    public static NgramCounts count(int[] ids, int maxOrder, int vocabSize) {
        if (maxOrder < 1 || maxOrder > MAX_ORDER) throw new IllegalArgumentException("order must be 1.." + MAX_ORDER + ", got " + maxOrder);
        if (ids.length == 0) throw new IllegalArgumentException("no training tokens");
        LongIntMap children = new LongIntMap(ids.length);
        IntArrayBuilder parent = new IntArrayBuilder(ids.length), token = new IntArrayBuilder(ids.length),
                count = new IntArrayBuilder(ids.length), cont = new IntArrayBuilder(ids.length), depth = new IntArrayBuilder(ids.length);
        parent.add(-1);
        token.add(-1);
        count.add(ids.length);
        cont.add(0);
        depth.add(0);
        int[] prev = new int[maxOrder + 1], cur = new int[maxOrder + 1];
        for (int i = 0; i < ids.length; i++) {
            int t = ids[i];
            if (t < 0 || t >= vocabSize) throw new IllegalArgumentException("token id " + t + " outside vocabulary of " + vocabSize);
            int kmax = Math.min(maxOrder, i + 1);
            for (int k = 1; k <= kmax; k++) {
                int p = k == 1 ? 0 : prev[k - 1];
                int next = token.size();
                int node = children.putIfAbsent(LongIntMap.pack(p, t), next);
                if (node == LongIntMap.ABSENT) {
                    node = next;
                    parent.add(p);
                    token.add(t);
                    count.add(0);
                    cont.add(0);
                    depth.add(k);
                    if (k >= 2) cont.increment(cur[k - 1], 1); // a new left context for the suffix t[i-k+2..i]
                }
                count.increment(node, 1);
                cur[k] = node;
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return freeze(children, parent.toArray(), token.toArray(), count.toArray(), cont.toArray(), depth.toArray(), maxOrder, vocabSize);
    }

    /** Renumbers nodes breadth-first, children sorted by token, and builds the child ranges. */
    private static NgramCounts freeze(LongIntMap children, int[] parent, int[] token, int[] count, int[] cont, int[] depth,
                                      int maxOrder, int vocabSize) {
        int n = token.length;
        int[] levelStart = new int[maxOrder + 2];
        for (int d : depth) levelStart[d + 1]++;
        for (int d = 1; d < levelStart.length; d++) levelStart[d] += levelStart[d - 1];
        int[] byLevel = new int[n]; // old ids grouped by depth
        int[] fill = Arrays.copyOf(levelStart, levelStart.length);
        for (int old = 0; old < n; old++) byLevel[fill[depth[old]]++] = old;

        int[] oldOf = new int[n], newOf = new int[n];
        int[] firstChild = new int[n + 1];
        oldOf[0] = 0;
        newOf[0] = 0;
        for (int d = 1; d <= maxOrder; d++) {
            int from = levelStart[d], to = levelStart[d + 1];
            long[] keys = new long[to - from];
            for (int i = from; i < to; i++) {
                int old = byLevel[i];
                keys[i - from] = LongIntMap.pack(newOf[parent[old]], token[old]);
            }
            Arrays.sort(keys); // by new parent id, then token: exactly breadth-first order
            int p = levelStart[d - 1];
            for (int i = 0; i < keys.length; i++) {
                int newParent = (int) (keys[i] >>> 32), tok = (int) keys[i];
                int old = children.get(LongIntMap.pack(oldOf[newParent], tok));
                int id = from + i;
                oldOf[id] = old;
                newOf[old] = id;
                while (p <= newParent) firstChild[p++] = id; // parents up to this one start here at the latest
            }
            while (p < from) firstChild[p++] = to;
        }
        for (int id = levelStart[maxOrder]; id <= n; id++) firstChild[id] = n; // deepest level: no children
        int[] tok2 = new int[n], count2 = new int[n], cont2 = new int[n];
        for (int id = 0; id < n; id++) {
            int old = oldOf[id];
            tok2[id] = token[old];
            count2[id] = count[old];
            cont2[id] = cont[old];
        }
        return new NgramCounts(maxOrder, vocabSize, tok2, count2, cont2, firstChild, levelStart);
    }
}
