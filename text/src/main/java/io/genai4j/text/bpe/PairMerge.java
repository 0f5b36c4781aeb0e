package io.genai4j.text.bpe;

/**
 * One BPE merge applied to a word held as token ids: every non-overlapping occurrence of the pair
 * (a, b), left to right, becomes ab. Training (BpeTrainer) and encoding (ByteLevelBpe) apply merges
 * the same way, so they share this loop.
 */
final class PairMerge {
    private PairMerge() {}

    /** Rewrites w[0..len) in place and returns the new length. */
    static int apply(int[] w, int len, int a, int b, int ab) {
        int j = 0;
        for (int i = 0; i < len; ) {
            if (i + 1 < len && w[i] == a && w[i + 1] == b) {
                w[j++] = ab;
                i += 2;
            } else {
                w[j++] = w[i++];
            }
        }
        return j;
    }
}
