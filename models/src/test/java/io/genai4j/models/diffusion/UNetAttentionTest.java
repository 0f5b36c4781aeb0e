package io.genai4j.models.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.nn.Conv2d;
import io.genai4j.engine.nn.GroupNorm;
import io.genai4j.engine.ops.GradCheck;
import org.junit.jupiter.api.Test;

/** The U-Net's self-attention block: its gradients, that it mixes positions, and that it is off in the config when asked. */
class UNetAttentionTest {
    /** 4 channels (one per GroupNorm group) on a 3×3 map. */
    private static final int C = 4, S = 3;

    @Test
    void gradientsMatchFiniteDifferences() {
        SpatialSelfAttention a = new SpatialSelfAttention(C, new Rng(1));
        Tensor x = GradCheck.rand(2, -1, 1, 2, C, S, S);
        GradCheck.check(in -> a.forward(in[0]), x, a.attention.wq.weight, a.attention.wk.weight, a.attention.wv.weight, a.attention.wo.weight, a.attention.wo.bias);
    }

    /**
     * Swapping channel 0 between two positions leaves every GroupNorm group's values the same set, so
     * a GroupNorm + 1×1 conv changes only those two positions; attention changes all nine, because
     * each query now meets a different key and value there.
     */
    @Test
    void changingOnePositionChangesEveryOutputUnlikeAOneByOneConv() {
        SpatialSelfAttention a = new SpatialSelfAttention(C, new Rng(3));
        GroupNorm norm = new GroupNorm(UNetBlock.groups(C), C);
        Conv2d pointwise = new Conv2d(C, C, 1, 1, 0, new Rng(4));
        Tensor x = GradCheck.rand(5, -1, 1, 1, C, S, S);
        float[] swapped = x.toArray();
        int j = 0, k = 8;   // channel 0 at two corners
        swapped[j] = x.toArray()[k];
        swapped[k] = x.toArray()[j];
        Tensor y = Tensor.of(swapped, 1, C, S, S);
        try (Grad g = Grad.off()) {
            float[] attnBefore = a.forward(x).toArray(), attnAfter = a.forward(y).toArray();
            float[] convBefore = pointwise.forward(norm.forward(x)).toArray(), convAfter = pointwise.forward(norm.forward(y)).toArray();
            for (int p = 0; p < S * S; p++) {
                double attnChange = change(attnBefore, attnAfter, p), convChange = change(convBefore, convAfter, p);
                assertTrue(attnChange > 1e-3, "attention output at position " + p + " changed by " + attnChange);
                if (p != j && p != k) assertTrue(convChange < 1e-5, "1×1 conv output at position " + p + " changed by " + convChange);
            }
        }
    }

    /** Without a position code attention is permutation-equivariant: permuted pixels in, the same permutation out. */
    @Test
    void permutingThePositionsPermutesTheOutput() {
        SpatialSelfAttention a = new SpatialSelfAttention(C, new Rng(6));
        int[] perm = {4, 7, 1, 8, 0, 3, 6, 2, 5};
        Tensor x = GradCheck.rand(7, -1, 1, 1, C, S, S);
        try (Grad g = Grad.off()) {
            float[] out = a.forward(x).toArray(), permutedOut = a.forward(permute(x, perm)).toArray(), expected = permute(Tensor.of(out, 1, C, S, S), perm).toArray();
            for (int i = 0; i < out.length; i++) assertEquals(expected[i], permutedOut[i], 1e-5, "element " + i);
        }
    }

    @Test
    void theBlockSitsInTheUNetOnlyWhenTheConfigAsksForIt() {
        PixelUNet with = new PixelUNet(new PixelUNet.Config(4, 8, 10, 0), new Rng(1));
        PixelUNet without = new PixelUNet(new PixelUNet.Config(4, 8, 10, 0, false), new Rng(1));
        assertTrue(with.namedParameters().keySet().stream().anyMatch(n -> n.startsWith("middle_attn.")), "attention is on by default");
        assertTrue(without.namedParameters().keySet().stream().noneMatch(n -> n.startsWith("middle_attn.")));
        int c = 8;   // 2w channels at the lowest resolution
        assertEquals(2 * c + 4 * (c * c + c), with.numParameters() - without.numParameters(), "GroupNorm scale and shift, then q, k, v, out projections with biases");
        Tensor x = Tensor.randn(new Rng(2), 2, 1, 8, 8);
        assertArrayEquals(new int[] {2, 1, 8, 8}, with.forward(x, new int[] {1, 5}, null).shape());
    }

    /** The largest absolute change over the channels at position p of [1, C, S, S] maps. */
    private static double change(float[] before, float[] after, int p) {
        double m = 0;
        for (int c = 0; c < C; c++) m = Math.max(m, Math.abs(before[c * S * S + p] - after[c * S * S + p]));
        return m;
    }

    /** Position perm[p] of the result holds position p of x, every channel. */
    private static Tensor permute(Tensor x, int[] perm) {
        float[] from = x.toArray(), to = new float[from.length];
        for (int c = 0; c < C; c++) for (int p = 0; p < S * S; p++) to[c * S * S + perm[p]] = from[c * S * S + p];
        return Tensor.of(to, 1, C, S, S);
    }
}
