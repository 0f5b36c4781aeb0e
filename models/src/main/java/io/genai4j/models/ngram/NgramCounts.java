package io.genai4j.models.ngram;

/**
 * Every n-gram of a training text up to a maximum order, with its counts, as a trie frozen into
 * flat arrays. Nodes are numbered breadth-first with each node's children contiguous and sorted by
 * token, so "children of x" is the range {@code [firstChild[x], firstChild[x + 1])} and a child is
 * found by binary search. Node 0 is the root (the empty n-gram); a node at depth k is a k-gram.
 * Memory is four ints per distinct n-gram.
 *
 * <p>Two counts per n-gram: {@code count} (how often it occurs) and {@code continuation}
 * (in how many distinct left contexts it occurs, N1+(• w1..wk)), which Kneser-Ney uses for the
 * lower orders.
 */
public final class NgramCounts {
    final int maxOrder;
    final int vocabSize;
    final int[] token;
    final int[] count;
    final int[] continuation;
    final int[] firstChild; // length nodes + 1
    final int[] levelStart; // nodes at depth d are [levelStart[d], levelStart[d + 1]); length maxOrder + 2

    NgramCounts(int maxOrder, int vocabSize, int[] token, int[] count, int[] continuation, int[] firstChild, int[] levelStart) {
        this.maxOrder = maxOrder;
        this.vocabSize = vocabSize;
        this.token = token;
        this.count = count;
        this.continuation = continuation;
        this.firstChild = firstChild;
        this.levelStart = levelStart;
    }

    public int maxOrder() {
        return maxOrder;
    }

    public int vocabSize() {
        return vocabSize;
    }

    /** Number of training tokens counted. */
    public long tokens() {
        return count[0];
    }

    /** Distinct n-grams of orders 1..{@code order}: the model's size. */
    public long ngrams(int order) {
        return levelStart[Math.min(order, maxOrder) + 1] - 1L;
    }

    /** Distinct n-grams of exactly this order. */
    public long ngramsOfOrder(int order) {
        return levelStart[order + 1] - (long) levelStart[order];
    }

    /** The child of {@code node} for {@code tok}, or -1. */
    public int child(int node, int tok) {
        int lo = firstChild[node], hi = firstChild[node + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int t = token[mid];
            if (t < tok) lo = mid + 1;
            else if (t > tok) hi = mid - 1;
            else return mid;
        }
        return -1;
    }

    /** The node for {@code seq[from, to)}, or -1 when that n-gram never occurred. */
    public int find(int[] seq, int from, int to) {
        int node = 0;
        for (int i = from; i < to && node >= 0; i++) node = child(node, seq[i]);
        return node;
    }

    /** Raw count of the n-gram at {@code node} (root: all tokens). */
    public int count(int node) {
        return count[node];
    }

    public int continuation(int node) {
        return continuation[node];
    }

    public int token(int node) {
        return token[node];
    }

    public int firstChild(int node) {
        return firstChild[node];
    }

    public int endChild(int node) {
        return firstChild[node + 1];
    }

    public int nodes() {
        return token.length;
    }

    /** Depth (n-gram order) of a node. */
    public int depth(int node) {
        int d = 0;
        while (levelStart[d + 1] <= node) d++;
        return d;
    }

    /** Approximate memory of the arrays, in bytes. */
    public long bytes() {
        return 16L * token.length + 4L * levelStart.length;
    }
}
