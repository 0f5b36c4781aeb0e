package io.genai4j.engine.ops;

import static io.genai4j.engine.ops.GradCheck.check;
import static io.genai4j.engine.ops.GradCheck.rand;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import org.junit.jupiter.api.Test;

/** A finite-difference gradient check for every differentiable op, including views and broadcasting. */
class GradientCheckTest {

    @Test
    void addSubMulDivWithBroadcasting() {
        check(t -> t[0].add(t[1]), rand(1, -1, 1, 2, 3, 4), rand(2, -1, 1, 3, 1));
        check(t -> t[0].sub(t[1]), rand(3, -1, 1, 2, 3, 4), rand(4, -1, 1, 4));
        check(t -> t[0].mul(t[1]), rand(5, -1, 1, 2, 1, 4), rand(6, -1, 1, 3, 1));
        check(t -> t[0].div(t[1]), rand(7, -1, 1, 2, 3), rand(8, 1, 2, 2, 1));
        check(t -> t[0].mul(t[1]), rand(9, -1, 1, 3, 4), rand(10, -1, 1));   // 0-d scalar tensor
    }

    @Test
    void scalarAffineOps() {
        check(t -> t[0].mul(3f).add(1f).sub(0.5f).div(2f).neg(), rand(11, -1, 1, 3, 5));
    }

    @Test
    void unaryFunctions() {
        check(t -> t[0].exp(), rand(12, -2, 2, 4, 5));
        check(t -> t[0].log(), rand(13, 0.5f, 3, 4, 5));
        check(t -> t[0].sqrt(), rand(14, 0.5f, 3, 4, 5));
        check(t -> t[0].tanh(), rand(15, -2, 2, 4, 5));
        check(t -> t[0].sigmoid(), rand(16, -3, 3, 4, 5));
        check(t -> t[0].gelu(), rand(17, -3, 3, 4, 5));
        check(t -> t[0].geluTanh(), rand(18, -3, 3, 4, 5));
        check(t -> t[0].silu(), rand(19, -3, 3, 4, 5));
        check(t -> t[0].pow(3f), rand(20, -2, 2, 4, 5));
        check(t -> t[0].pow(-0.5f), rand(21, 0.5f, 2, 4, 5));
        check(t -> t[0].pow(2f), rand(22, -2, 2, 4, 5));
    }

    @Test
    void reluAwayFromItsKink() {
        Tensor x = rand(23, 0.1f, 1, 4, 5);
        Tensor sign = Tensor.of(new float[] {1, -1, 1, -1, 1}, 5);
        check(t -> t[0].mul(sign).relu(), x);
    }

    @Test
    void viewsReshapePermuteNarrowExpandSelect() {
        check(t -> t[0].reshape(6, 4).mul(t[0].reshape(6, 4)), rand(24, -1, 1, 2, 3, 4));
        check(t -> t[0].permute(2, 0, 1).contiguous().mul(2f), rand(25, -1, 1, 2, 3, 4));
        check(t -> t[0].transpose(0, 1).exp(), rand(26, -1, 1, 3, 4));
        check(t -> t[0].narrow(1, 1, 2).tanh(), rand(27, -1, 1, 3, 4));
        check(t -> t[0].expand(3, 2, 4).mul(t[1]), rand(28, -1, 1, 2, 1), rand(29, -1, 1, 3, 2, 4));
        check(t -> t[0].select(0, 1).sigmoid(), rand(30, -1, 1, 3, 4));
        check(t -> t[0].unsqueeze(1).squeeze(1).mul(t[0]), rand(31, -1, 1, 3, 4));
    }

    @Test
    void opsOnNonContiguousViews() {
        // Elementwise and reductions read strided inputs directly or through contiguous().
        check(t -> t[0].mT().add(t[1]), rand(32, -1, 1, 3, 4), rand(33, -1, 1, 4, 3));
        check(t -> t[0].mT().sum(0, false), rand(34, -1, 1, 3, 4));
        check(t -> t[0].narrow(0, 1, 2).mT().softmax(-1), rand(35, -1, 1, 3, 4));
    }

    @Test
    void matmulPlainBatchedTransposedAndVectors() {
        check(t -> t[0].matmul(t[1]), rand(36, -1, 1, 3, 4), rand(37, -1, 1, 4, 5));
        check(t -> t[0].matmul(t[1]), rand(38, -1, 1, 2, 3, 4), rand(39, -1, 1, 4, 5));     // batch·weight
        check(t -> t[0].matmul(t[1]), rand(40, -1, 1, 2, 3, 4), rand(41, -1, 1, 2, 4, 2));  // batched
        check(t -> t[0].matmul(t[1]), rand(42, -1, 1, 2, 1, 3, 4), rand(43, -1, 1, 3, 4, 2)); // broadcast batch
        check(t -> t[0].matmul(t[1].mT()), rand(44, -1, 1, 3, 4), rand(45, -1, 1, 5, 4));   // Xᵀ as a flag
        check(t -> t[0].mT().matmul(t[1]), rand(46, -1, 1, 4, 3), rand(47, -1, 1, 4, 5));
        check(t -> t[0].matmul(t[1]), rand(48, -1, 1, 4), rand(49, -1, 1, 4, 3));           // vector·matrix
        check(t -> t[0].matmul(t[1]), rand(50, -1, 1, 3, 4), rand(51, -1, 1, 4));           // matrix·vector
    }

    @Test
    void reductions() {
        check(t -> t[0].sum(), rand(52, -1, 1, 3, 4));
        check(t -> t[0].sum(1, false), rand(53, -1, 1, 2, 3, 4));
        check(t -> t[0].sum(new int[] {0, 2}, true), rand(54, -1, 1, 2, 3, 4));
        check(t -> t[0].mean(-1, true), rand(55, -1, 1, 2, 3, 4));
        check(t -> t[0].mean(), rand(56, -1, 1, 2, 3));
        check(t -> t[0].max(1, false), Tensor.of(new float[] {0.1f, 0.9f, 0.3f, 0.7f, 0.2f, 0.5f}, 2, 3));
        check(t -> t[0].max(0, true), Tensor.of(new float[] {0.1f, 0.9f, 0.3f, 0.7f, 0.2f, 0.5f}, 2, 3));
    }

    @Test
    void softmaxAndLogSoftmax() {
        check(t -> t[0].softmax(-1), rand(57, -2, 2, 3, 5));
        check(t -> t[0].softmax(0), rand(58, -2, 2, 3, 5));
        check(t -> t[0].logSoftmax(-1), rand(59, -2, 2, 3, 5));
        check(t -> t[0].logSoftmax(1), rand(60, -2, 2, 2, 3, 4));
    }

    @Test
    void layerNormAndRmsNorm() {
        check(t -> F.layerNorm(t[0], t[1], t[2], 1e-5f), rand(61, -2, 2, 3, 8), rand(62, 0.5f, 1.5f, 8), rand(63, -1, 1, 8));
        check(t -> F.layerNorm(t[0], null, null, 1e-5f), rand(64, -2, 2, 2, 3, 5));
        check(t -> F.rmsNorm(t[0], t[1], 1e-6f), rand(65, -2, 2, 3, 8), rand(66, 0.5f, 1.5f, 8));
        // Rows wide enough to exercise the vector path and its tail.
        check(t -> F.layerNorm(t[0], t[1], t[2], 1e-5f), rand(67, -2, 2, 2, 37), rand(68, 0.5f, 1.5f, 37), rand(69, -1, 1, 37));
    }

    @Test
    void crossEntropyWithIgnoreIndexAndLabelSmoothing() {
        check(t -> F.crossEntropy(t[0], new int[] {1, 0, 3}), rand(70, -2, 2, 3, 4));
        check(t -> F.crossEntropy(t[0], new int[] {1, -100, 3, 2}, -100, 0f), rand(71, -2, 2, 2, 2, 4));
        check(t -> F.crossEntropy(t[0], new int[] {1, 2, -100}, -100, 0.1f), rand(72, -2, 2, 3, 5));
    }

    @Test
    void embeddingGatherIndexSelect() {
        check(t -> F.embedding(t[0], new int[] {2, 0, 2, 1}, 2, 2), rand(73, -1, 1, 3, 4));
        check(t -> F.gather(t[0], 1, new int[] {2, 0, 1, 1}, 2, 2), rand(74, -1, 1, 2, 3));
        check(t -> F.gather(t[0], 0, new int[] {1, 0, 0}, 1, 3), rand(75, -1, 1, 2, 3));
        check(t -> F.indexSelect(t[0], 1, new int[] {2, 0, 2}), rand(76, -1, 1, 2, 3, 2));
    }

    @Test
    void catSplitStack() {
        check(t -> F.cat(1, t[0], t[1]).tanh(), rand(77, -1, 1, 2, 3), rand(78, -1, 1, 2, 2));
        check(t -> F.stack(0, t[0], t[1]).sigmoid(), rand(79, -1, 1, 2, 3), rand(80, -1, 1, 2, 3));
        check(t -> {
            Tensor[] parts = F.split(t[0], -1, 2, 3);
            return parts[0].sum(-1, true).mul(parts[1]);
        }, rand(81, -1, 1, 2, 5));
    }

    @Test
    void maskedFillCausal() {
        check(t -> t[0].maskedFill(Masks.causal(4), Float.NEGATIVE_INFINITY).softmax(-1), rand(82, -1, 1, 2, 4, 4));
    }

    @Test
    void dropoutIsDeterministicPerSeed() {
        check(t -> F.dropout(t[0], 0.3f, new Rng(5)), rand(83, -1, 1, 4, 6));
    }

    @Test
    void compositeAttentionBlock() {
        // softmax(Q·Kᵀ/√d)·V with a causal mask: views, matmul flags, mask and softmax together.
        check(t -> {
            Tensor q = t[0], k = t[1], v = t[2];
            Tensor att = q.matmul(k.mT()).mul((float) (1 / Math.sqrt(4))).maskedFill(Masks.causal(3), Float.NEGATIVE_INFINITY);
            return att.softmax(-1).matmul(v);
        }, rand(84, -1, 1, 2, 3, 4), rand(85, -1, 1, 2, 3, 4), rand(86, -1, 1, 2, 3, 4));
    }

    @Test
    void fusedAttentionCausalWithCacheOffsetAndPadding() {
        // Tq = 2 queries over Tk = 3 keys (a KV cache): query i sees keys 0..1+i.
        check(t -> Attention.attention(t[0], t[1], t[2], true, null, 0.5f, false).output(),
                rand(87, -1, 1, 2, 2, 2, 4), rand(88, -1, 1, 2, 2, 3, 4), rand(89, -1, 1, 2, 2, 3, 4));
        Tensor pad = Tensor.of(new float[] {0, 0, 1, 0, 0, 0}, 2, 3);
        check(t -> Attention.attention(t[0], t[1], t[2], false, pad, 0.5f, false).output(),
                rand(90, -1, 1, 2, 2, 3, 4), rand(91, -1, 1, 2, 2, 3, 4), rand(92, -1, 1, 2, 2, 3, 5));
    }

    @Test
    void fusedAttentionWithDropoutOnTheWeights() {
        // The same seed gives the same mask on every call, so finite differences see one function.
        check(t -> Attention.attention(t[0], t[1], t[2], true, null, 0.5f, false, 0.3f, new Rng(7)).output(),
                rand(97, -1, 1, 2, 2, 4, 4), rand(98, -1, 1, 2, 2, 4, 4), rand(99, -1, 1, 2, 2, 4, 4));
    }

    @Test
    void packedCausalSelfAttention() {
        check(t -> Attention.packedCausalSelfAttention(t[0], 2, 0f, null), rand(100, -1, 1, 2, 3, 12));
        check(t -> Attention.packedCausalSelfAttention(t[0], 2, 0.25f, new Rng(3)), rand(101, -1, 1, 1, 4, 12));
    }

    @Test
    void multiHeadAttentionBlock() {
        // The whole module: projections, head split/merge views, fused attention, output projection.
        io.genai4j.engine.nn.MultiHeadAttention mha = new io.genai4j.engine.nn.MultiHeadAttention(8, 2, true, 0f, new Rng(93));
        check(t -> mha.forward(t[0], t[1], true, null, false).output(), rand(94, -1, 1, 2, 3, 8), rand(95, -1, 1, 2, 3, 8));
        Tensor x = rand(96, -1, 1, 2, 3, 8);
        check(t -> mha.forward(x, true, null), mha.wq.weight, mha.wk.bias, mha.wo.weight);
    }
}
