package io.genai4j.engine.ops;

import io.genai4j.engine.Tensor;

/**
 * Attention masks as 0/1 tensors for {@link Tensor#maskedFill}: 1 marks a position that must not be
 * attended to (its score becomes −∞ before softmax).
 */
public final class Masks {
    private Masks() {}

    /** [T, T]: 1 where key position j is after query position i (the future). */
    public static Tensor causal(int t) {
        float[] m = new float[t * t];
        for (int i = 0; i < t; i++) for (int j = i + 1; j < t; j++) m[i * t + j] = 1f;
        return Tensor.of(m, t, t);
    }

    /** [B, 1, 1, T]: 1 where position t is at or past the sequence's length (padding). */
    public static Tensor padding(int[] lengths, int t) {
        float[] m = new float[lengths.length * t];
        for (int b = 0; b < lengths.length; b++) for (int j = lengths[b]; j < t; j++) m[b * t + j] = 1f;
        return Tensor.of(m, lengths.length, 1, 1, t);
    }
}
