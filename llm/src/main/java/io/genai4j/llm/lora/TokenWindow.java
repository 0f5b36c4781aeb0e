package io.genai4j.llm.lora;

/**
 * One training sequence: the model reads {@code input} and is scored on predicting {@code target}
 * at each position; a target of {@link #IGNORED} is not scored (prompt and user tokens of a chat).
 */
public record TokenWindow(int[] input, int[] target) {
    public static final int IGNORED = -1;

    public TokenWindow {
        if (input.length == 0 || input.length != target.length) throw new IllegalArgumentException("a window needs as many targets as inputs, and at least one");
    }

    /** Targets that count. */
    public int counted() {
        int n = 0;
        for (int t : target) if (t != IGNORED) n++;
        return n;
    }

    /**
     * Windows of up to {@code length} predictions over tokens, each predicting the next token where
     * {@code counts} says so: consecutive, stride {@code length}, the last one shorter; windows with
     * nothing to count are dropped.
     */
    public static java.util.List<TokenWindow> of(int[] tokens, boolean[] counts, int length) {
        if (length < 1) throw new IllegalArgumentException("window length must be at least 1, got " + length);
        java.util.List<TokenWindow> out = new java.util.ArrayList<>();
        for (int start = 0; start + 1 < tokens.length; start += length) {
            int n = Math.min(length, tokens.length - 1 - start);
            int[] in = new int[n], tg = new int[n];
            for (int i = 0; i < n; i++) {
                in[i] = tokens[start + i];
                tg[i] = counts[start + i + 1] ? tokens[start + i + 1] : IGNORED;
            }
            TokenWindow w = new TokenWindow(in, tg);
            if (w.counted() > 0) out.add(w);
        }
        return out;
    }
}
