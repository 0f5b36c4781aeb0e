package io.genai4j.text.wordpiece;

/**
 * "Longest first" truncation of a sequence pair to a token budget, as Hugging Face tokenizers
 * does it: with n1 ≤ n2, keep the shorter one whole if the longer can fill the rest; otherwise
 * give each half the budget (the extra odd token to the longer).
 */
final class Truncation {
    private Truncation() {}

    /** Kept lengths {a, b} for lengths na and nb (nb = -1 for a single sequence) within budget. */
    static int[] longestFirst(int na, int nb, int budget) {
        if (nb < 0) return new int[] {Math.min(na, budget), 0};
        if (na + nb <= budget) return new int[] {na, nb};
        boolean swap = na > nb;
        int n1 = swap ? nb : na, n2;
        n2 = n1 > budget ? n1 : Math.max(n1, budget - n1);
        if (n1 + n2 > budget) {
            n1 = budget / 2;
            n2 = n1 + budget % 2;
        }
        int ka = swap ? n2 : n1, kb = swap ? n1 : n2;
        return new int[] {Math.min(ka, na), Math.min(kb, nb)};
    }
}
