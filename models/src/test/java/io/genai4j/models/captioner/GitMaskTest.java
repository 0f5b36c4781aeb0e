package io.genai4j.models.captioner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.MultiHeadAttention;
import org.junit.jupiter.api.Test;

/** GIT's mask: its truth table, and GitAttention against dense masked attention written out with plain tensor ops. */
class GitMaskTest {
    @Test
    void imageTokensSeeEachOtherTextSeesImagesAndItsPast() {
        int n = 3;
        assertTrue(GitMask.allowed(0, 2, n), "image tokens attend forwards to images");
        assertTrue(GitMask.allowed(2, 0, n));
        assertFalse(GitMask.allowed(2, 3, n), "image tokens never see text");
        assertFalse(GitMask.allowed(0, 5, n));
        assertTrue(GitMask.allowed(3, 0, n), "text sees every image token");
        assertTrue(GitMask.allowed(5, 2, n));
        assertTrue(GitMask.allowed(5, 4, n), "text sees earlier text");
        assertTrue(GitMask.allowed(5, 5, n));
        assertFalse(GitMask.allowed(4, 5, n), "text never sees later text");
    }

    @Test
    void gitAttentionEqualsDenseAttentionUnderTheMask() {
        int b = 2, n = 3, t = 4, l = n + t, dim = 8, heads = 2;
        Rng rng = new Rng(7);
        GitAttention attention = new GitAttention(dim, heads, rng);
        Tensor x = Tensor.randn(rng, b, l, dim);
        float[] got = attention.forward(x, n, false).x().contiguous().toArray();

        MultiHeadAttention m = attention.attn;
        Tensor q = m.splitHeads(m.wq.forward(x)), k = m.splitHeads(m.wk.forward(x)), v = m.splitHeads(m.wv.forward(x));
        float[] mask = new float[l * l];
        for (int i = 0; i < l; i++) for (int j = 0; j < l; j++) mask[i * l + j] = GitMask.allowed(i, j, n) ? 0f : -1e9f;
        Tensor scores = q.matmul(k.transpose(2, 3)).mul((float) (1 / Math.sqrt(dim / heads))).add(Tensor.of(mask, l, l));
        Tensor dense = m.wo.forward(MultiHeadAttention.mergeHeads(scores.softmax(-1).matmul(v)));
        assertArrayEquals(dense.contiguous().toArray(), got, 1e-5f);
    }

    @Test
    void imageRowsIgnoreTextAndTextRowsIgnoreTheFuture() {
        int n = 4, t = 5, dim = 8;
        Rng rng = new Rng(3);
        GitAttention attention = new GitAttention(dim, 2, rng);
        Tensor x = Tensor.randn(rng, 1, n + t, dim);
        float[] a = x.toArray(), changedLastWord = a.clone(), changedImage = a.clone();
        for (int c = 0; c < dim; c++) changedLastWord[(n + t - 1) * dim + c] += 1f;
        changedImage[1] += 1f;                                          // token 0 (an image token), channel 1
        float[] base = attention.forward(x, n, false).x().toArray();
        float[] lastWord = attention.forward(Tensor.of(changedLastWord, 1, n + t, dim), n, false).x().toArray();
        float[] image = attention.forward(Tensor.of(changedImage, 1, n + t, dim), n, false).x().toArray();
        for (int i = 0; i < (n + t - 1) * dim; i++) assertEquals(base[i], lastWord[i], 1e-6f, "row " + i / dim + " saw the last word");
        for (int row = n; row < n + t; row++) {
            boolean moved = false;
            for (int c = 0; c < dim; c++) moved |= Math.abs(base[row * dim + c] - image[row * dim + c]) > 1e-6f;
            assertTrue(moved, "text row " + row + " did not see the image token");
        }
    }

}
