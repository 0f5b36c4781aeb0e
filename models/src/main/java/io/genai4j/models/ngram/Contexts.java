package io.genai4j.models.ngram;

/**
 * Finds, for a history, the trie node of each context an n-gram model of order m consults:
 * level k (1..m) uses the last k-1 tokens. A level whose context never occurred (or is longer than
 * the history) is -1; since every extension of an unseen context is unseen too, the search stops there.
 */
final class Contexts {
    private Contexts() {}

    /** Fills {@code nodes[1..order]}; {@code nodes[1]} is always the root. */
    static void find(NgramCounts c, int[] seq, int end, int order, int[] nodes) {
        nodes[1] = 0;
        boolean seen = true;
        for (int k = 2; k <= order; k++) {
            int from = end - (k - 1);
            nodes[k] = seen && from >= 0 ? c.find(seq, from, end) : -1;
            if (nodes[k] < 0) seen = false;
        }
    }
}
