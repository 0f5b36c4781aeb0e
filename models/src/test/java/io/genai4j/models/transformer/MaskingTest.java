package io.genai4j.models.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import org.junit.jupiter.api.Test;

/**
 * The decoder never sees the future: changing target tokens from position k on leaves every output
 * before k bit-for-bit unchanged (and changes the outputs from k on). Padding the source does not
 * change the encoder output at real positions, nor the decoder.
 */
class MaskingTest {
    private final TransformerConfig c = new TransformerConfig(50, 2, 16, 4, 32, 0f, 32);

    @Test
    void decoderPositionsNeverSeeFutureTargets() {
        Transformer m = new Transformer(c, new Rng(1));
        m.eval();
        int[] src = {5, 6, 7, 8, 2}, tgt = {1, 9, 10, 11, 12, 13, 14};
        try (Grad g = Grad.off()) {
            Tensor pad = Tensor.zeros(1, src.length);
            Tensor memory = m.encode(src, 1, src.length, pad);
            float[] before = m.decode(tgt, 1, tgt.length, memory, pad, false).output().toArray();
            for (int k = 1; k < tgt.length; k++) {
                int[] changed = tgt.clone();
                for (int j = k; j < tgt.length; j++) changed[j] = 40 - j;   // perturb every future input
                float[] after = m.decode(changed, 1, tgt.length, memory, pad, false).output().toArray();
                for (int i = 0; i < k * c.dModel(); i++) assertEquals(before[i], after[i], "position " + i / c.dModel() + " saw position >= " + k);
                assertNotEquals(before[k * c.dModel()], after[k * c.dModel()], "position " + k + " should see its own input");
            }
        }
    }

    @Test
    void sourcePaddingIsInvisible() {
        Transformer m = new Transformer(c, new Rng(2));
        m.eval();
        int[] src = {5, 6, 7, 2}, padded = {5, 6, 7, 2, 0, 0, 0}, tgt = {1, 9, 10};
        try (Grad g = Grad.off()) {
            Tensor pad1 = Tensor.zeros(1, 4), pad2 = Tensor.of(new float[] {0, 0, 0, 0, 1, 1, 1}, 1, 7);
            Tensor z1 = m.encode(src, 1, 4, pad1), z2 = m.encode(padded, 1, 7, pad2);
            assertArrayEquals(z1.toArray(), z2.narrow(1, 0, 4).contiguous().toArray(), 1e-5f);
            assertArrayEquals(m.decode(tgt, 1, 3, z1, pad1, false).output().toArray(), m.decode(tgt, 1, 3, z2, pad2, false).output().toArray(), 1e-5f);
        }
    }
}
