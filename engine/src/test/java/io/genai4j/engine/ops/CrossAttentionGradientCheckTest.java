package io.genai4j.engine.ops;

import static io.genai4j.engine.ops.GradCheck.check;
import static io.genai4j.engine.ops.GradCheck.rand;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.MultiHeadAttention;
import org.junit.jupiter.api.Test;

/**
 * Encoder-decoder (cross) attention by finite differences: queries from a decoder sequence of one
 * length, keys and values from an encoder sequence of another, with padded source positions; the
 * gradient must reach both sequences and every projection W^Q, W^K, W^V, W^O.
 */
class CrossAttentionGradientCheckTest {

    @Test
    void gradientsReachDecoderEncoderAndEveryProjection() {
        MultiHeadAttention mha = new MultiHeadAttention(8, 2, true, 0f, new Rng(1));
        Tensor pad = Tensor.of(new float[] {0, 0, 0, 0, 0, 0, 0, 1, 1, 1}, 2, 5);   // second source has 2 real tokens
        check(t -> mha.forward(t[0], t[1], false, pad, false).output(), rand(2, -1, 1, 2, 3, 8), rand(3, -1, 1, 2, 5, 8));
        Tensor dec = rand(4, -1, 1, 2, 3, 8), enc = rand(5, -1, 1, 2, 5, 8);
        for (Tensor p : mha.parameters()) check(t -> mha.forward(dec, enc, false, pad, false).output(), p);
    }

    @Test
    void rawCrossAttentionWithUnequalLengths() {
        float scale = (float) (1 / Math.sqrt(4));
        Tensor pad = Tensor.of(new float[] {0, 0, 0, 1, 0, 0, 0, 0}, 2, 4);
        check(t -> Attention.attention(t[0], t[1], t[2], false, pad, scale, false).output(),
                rand(6, -1, 1, 2, 2, 3, 4), rand(7, -1, 1, 2, 2, 4, 4), rand(8, -1, 1, 2, 2, 4, 4));
    }
}
