package io.genai4j.models.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.models.translation.DecoderState;
import org.junit.jupiter.api.Test;

/** Step-by-step decoding with cached keys and values gives the logits of running the decoder on the whole prefix. */
class CachedDecodingTest {
    @Test
    void cachedStepsEqualFullRecomputation() {
        Transformer m = new Transformer(new TransformerConfig(40, 2, 16, 4, 32, 0f, 32), new Rng(4));
        m.eval();
        int[][] src = {{5, 6, 7, 8, 2}, {9, 10, 2}};
        int[] tgt0 = {1, 11, 12, 13, 14}, tgt1 = {1, 15, 16, 17, 18};
        try (Grad g = Grad.off()) {
            DecoderState state = m.start(src);
            // the reference: padded batch, full decoder over each prefix
            int s = 5;
            int[] ids = new int[2 * s];
            float[] pad = new float[2 * s];
            for (int i = 0; i < 2; i++) for (int j = 0; j < s; j++) {
                boolean real = j < src[i].length;
                ids[i * s + j] = real ? src[i][j] : 2;
                pad[i * s + j] = real ? 0 : 1;
            }
            Tensor srcPad = Tensor.of(pad, 2, s);
            Tensor memory = m.encode(ids, 2, s, srcPad);
            for (int t = 1; t <= tgt0.length; t++) {
                float[] cached = state.step(new int[] {tgt0[t - 1], tgt1[t - 1]}).logProbs().toArray();
                int[] prefix = new int[2 * t];
                System.arraycopy(tgt0, 0, prefix, 0, t);
                System.arraycopy(tgt1, 0, prefix, t, t);
                Tensor h = m.decode(prefix, 2, t, memory, srcPad, false).output().narrow(1, t - 1, 1).squeeze(1);
                assertArrayEquals(m.logits(h).logSoftmax(-1).toArray(), cached, 1e-4f, "step " + t);
            }
            // selecting rows (beam search) keeps each row's cache
            DecoderState swapped = m.start(src);
            swapped.step(new int[] {tgt0[0], tgt1[0]});
            swapped = swapped.select(new int[] {1, 1, 0});
            DecoderState plain = m.start(src);
            plain.step(new int[] {tgt0[0], tgt1[0]});
            float[] a = swapped.step(new int[] {tgt1[1], tgt1[1], tgt0[1]}).logProbs().toArray();
            float[] b = plain.step(new int[] {tgt0[1], tgt1[1]}).logProbs().toArray();
            for (int v = 0; v < 40; v++) {
                org.junit.jupiter.api.Assertions.assertEquals(b[40 + v], a[v], 1e-5f);
                org.junit.jupiter.api.Assertions.assertEquals(b[40 + v], a[40 + v], 1e-5f);
                org.junit.jupiter.api.Assertions.assertEquals(b[v], a[80 + v], 1e-5f);
            }
        }
    }
}
