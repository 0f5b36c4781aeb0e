package io.genai4j.text.wordpiece;

/**
 * One encoded text (or pair): token ids, token type ids (0 for the first sequence, 1 for the
 * second) and the attention mask (1 for real tokens, 0 for padding), all the same length.
 */
public record Encoding(int[] ids, int[] typeIds, int[] attentionMask) {
    public int length() {
        return ids.length;
    }

    /** Number of real (non-padding) tokens. */
    public int realLength() {
        int n = 0;
        for (int m : attentionMask) n += m;
        return n;
    }
}
