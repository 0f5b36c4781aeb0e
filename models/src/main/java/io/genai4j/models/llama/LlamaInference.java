package io.genai4j.models.llama;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.kernels.VecMath;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.RMSNorm;
import io.genai4j.engine.quant.Lanes;
import io.genai4j.engine.quant.MatVec;
import io.genai4j.engine.quant.WeightMatrix;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LlamaModel}'s forward pass for inference, computing what its modules compute on the same
 * weights but without tensors or autograd: buffers are kept between calls (no allocation per token
 * but the returned logits), matrices that read the same input run as one group (Q|K|V, gate|up),
 * SiLU·up and the residual adds are fused loops, and attention reads the KV cache in place.
 * <pre>
 *   per layer:  h = RMSNorm(x);  [q|k|v] = h·[Wq|Wk|Wv]ᵀ (+b);  q, k ← RoPE;  cache ← k, v
 *               x += Attention(q, cache)·Woᵀ
 *               h = RMSNorm(x);  [g|u] = h·[Wg|Wu]ᵀ;  x += (SiLU(g) ⊙ u)·Wdᵀ
 *   logits = RMSNorm(x)·Wᵀ
 * </pre>
 * Generation is memory-bound: one token streams every weight byte once, so the work outside the
 * matrix products (a few microseconds per layer) is kept to a handful of dispatches.
 */
final class LlamaInference {
    private static final VectorSpecies<Float> F = Lanes.floats();

    private record Layer(float[] attnNorm, MatVec qkv, float[] qkvBias, float[] qNorm, float[] kNorm, MatVec o,
                         float[] ffnNorm, MatVec gateUp, MatVec down) {}

    private final LlamaConfig c;
    private final Rope rope;
    private final WeightMatrix embed;
    private final Layer[] layers;
    private final float[] finalNorm;
    private final MatVec head;
    private final CacheAttention attention;
    private final int dim, qDim, kvDim, qkvDim, ffn, vocab;

    // Buffers for up to `rows` positions, grown on demand.
    private int rows;
    private float[] x, h, tmp, qkv, att, gu, act, cos, sin;

    LlamaInference(LlamaModel m, Rope rope) {
        this.c = m.config();
        this.rope = rope;
        dim = c.dim();
        qDim = c.qDim();
        kvDim = c.kvDim();
        qkvDim = qDim + 2 * kvDim;
        ffn = c.ffnDim();
        vocab = c.vocabSize();
        embed = WeightMatrix.of(m.embedTokens.weight);
        layers = new Layer[m.layers.length];
        for (int l = 0; l < layers.length; l++) {
            LlamaBlock b = m.layers[l];
            LlamaAttention a = b.selfAttn;
            float[] bias = null;
            if (a.qProj.bias != null || a.kProj.bias != null || a.vProj.bias != null) {
                bias = new float[qkvDim];
                copyBias(a.qProj, bias, 0);
                copyBias(a.kProj, bias, qDim);
                copyBias(a.vProj, bias, qDim + kvDim);
            }
            if (a.oProj.bias != null) throw new IllegalStateException("an output projection bias is not supported by the inference path");
            layers[l] = new Layer(weights(b.inputLayernorm),
                    MatVec.prepared(matrix(a.qProj), matrix(a.kProj), matrix(a.vProj)), bias,
                    a.qNorm == null ? null : weights(a.qNorm), a.kNorm == null ? null : weights(a.kNorm),
                    MatVec.prepared(matrix(a.oProj)), weights(b.postAttentionLayernorm),
                    MatVec.prepared(matrix(b.mlp.gateProj), matrix(b.mlp.upProj)), MatVec.prepared(matrix(b.mlp.downProj)));
        }
        finalNorm = weights(m.norm);
        head = MatVec.prepared(matrix(m.lmHead));
        attention = new CacheAttention(c);
    }

    private static WeightMatrix matrix(Linear l) {
        return WeightMatrix.of(l.weight);
    }

    private static float[] weights(RMSNorm n) {
        return n.weight.to(io.genai4j.engine.DType.F32).contiguous().toArray();
    }

    private static void copyBias(Linear l, float[] dst, int off) {
        if (l.bias != null) System.arraycopy(l.bias.contiguous().toArray(), 0, dst, off, l.outFeatures());
    }

    private void ensureRows(int t) {
        if (t <= rows) return;
        rows = t;
        x = new float[t * dim];
        h = new float[t * dim];
        tmp = new float[t * dim];
        qkv = new float[t * qkvDim];
        att = new float[t * qDim];
        gu = new float[t * 2 * ffn];
        act = new float[t * ffn];
        cos = new float[t * Math.max(1, rope.pairs())];
        sin = new float[cos.length];
    }

    /** As {@link CausalLm#forward}; the model's modules compute the same (tested). */
    synchronized Tensor forward(int[] tokens, KvCache cache, boolean allPositions) {
        int t = tokens.length;
        if (cache == null) cache = new KvCache(c, t);
        int start = cache.length();
        cache.reserve(start + t);
        ensureRows(t);
        for (int s = 0; s < t; s++) {
            if (tokens[s] < 0 || tokens[s] >= vocab) {
                throw new IllegalArgumentException("token id " + tokens[s] + " at position " + s + " is outside the vocabulary [0, " + vocab + ")");
            }
            embed.decodeRows(tokens[s], 1, x, s * dim);
            rope.angles(start + s, cos, sin, s * rope.pairs());
        }
        for (int l = 0; l < layers.length; l++) layer(l, layers[l], cache, start, t);
        cache.advance(t);

        int first = allPositions ? 0 : t - 1, n = t - first;
        rmsNorm(x, first * dim, n, finalNorm, h, 0);
        float[] logits = new float[n * vocab];
        head.apply(h, 0, n, logits, 0, vocab);
        return Tensor.of(logits, n, vocab);
    }

    private void layer(int index, Layer w, KvCache cache, int start, int t) {
        int hd = c.headDim();
        // Attention: [q|k|v] = RMSNorm(x)·[Wq|Wk|Wv]ᵀ
        rmsNorm(x, 0, t, w.attnNorm, h, 0);
        w.qkv.apply(h, 0, t, qkv, 0, qkvDim);
        for (int s = 0; s < t; s++) {
            int o = s * qkvDim;
            if (w.qkvBias != null) VecMath.addInto(w.qkvBias, 0, qkv, o, qkvDim);
            if (w.qNorm != null) {
                for (int i = 0; i < c.heads(); i++) rmsNormRow(qkv, o + i * hd, hd, w.qNorm, qkv, o + i * hd);
                for (int i = 0; i < c.kvHeads(); i++) rmsNormRow(qkv, o + qDim + i * hd, hd, w.kNorm, qkv, o + qDim + i * hd);
            }
            if (rope.pairs() > 0) {
                rope.rotate(qkv, o, c.heads(), cos, sin, s * rope.pairs());
                rope.rotate(qkv, o + qDim, c.kvHeads(), cos, sin, s * rope.pairs());
            }
            for (int g = 0; g < c.kvHeads(); g++) cache.put(index, g, start + s, qkv, o + qDim + g * hd, qkv, o + qDim + kvDim + g * hd);
        }
        attention.apply(cache, index, start, t, qkv, qkvDim, att);
        w.o.apply(att, 0, t, tmp, 0, dim);
        VecMath.addInto(tmp, 0, x, 0, t * dim);

        // Feed-forward: x += (SiLU(g) ⊙ u)·Wdᵀ with [g|u] = RMSNorm(x)·[Wg|Wu]ᵀ
        rmsNorm(x, 0, t, w.ffnNorm, h, 0);
        w.gateUp.apply(h, 0, t, gu, 0, 2 * ffn);
        swiGlu(t);
        w.down.apply(act, 0, t, tmp, 0, dim);
        VecMath.addInto(tmp, 0, x, 0, t * dim);
    }

    /** RMSNorm of n rows of width dim from src[off..] into dst[dstOff..], rows split over threads when there are many. */
    private void rmsNorm(float[] src, int off, int n, float[] weight, float[] dst, int dstOff) {
        if (n == 1) {
            rmsNormRow(src, off, dim, weight, dst, dstOff);
            return;
        }
        Parallel.forRange(n, 8, (lo, hi) -> {
            for (int r = lo; r < hi; r++) rmsNormRow(src, off + r * dim, dim, weight, dst, dstOff + r * dim);
        });
    }

    /** y = x / √(mean(x²) + ε) ⊙ w, as {@link io.genai4j.engine.ops.Norms}. */
    private void rmsNormRow(float[] src, int off, int n, float[] weight, float[] dst, int dstOff) {
        float ms = sumSquares(src, off, n) / n;
        float rs = (float) (1.0 / Math.sqrt(ms + c.normEps()));
        int i = 0;
        FloatVector vrs = FloatVector.broadcast(F, rs);
        for (int bound = F.loopBound(n); i < bound; i += F.length()) {
            FloatVector.fromArray(F, src, off + i).mul(vrs).mul(FloatVector.fromArray(F, weight, i)).intoArray(dst, dstOff + i);
        }
        for (; i < n; i++) dst[dstOff + i] = src[off + i] * rs * weight[i];
    }

    /** Σ x², vectorized. */
    private static float sumSquares(float[] a, int off, int n) {
        FloatVector acc = FloatVector.zero(F);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, a, off + i);
            acc = v.fma(v, acc);
        }
        float s = Lanes.sum(acc);
        for (; i < n; i++) s += a[off + i] * a[off + i];
        return s;
    }

    /** act = SiLU(gate) ⊙ up, row by row from gu = [gate | up]. */
    private void swiGlu(int t) {
        if (t == 1) {
            swiGluRows(0, 1);
            return;
        }
        Parallel.forRange(t, 4, this::swiGluRows);
    }

    private void swiGluRows(int lo, int hi) {
        for (int s = lo; s < hi; s++) {
            int g = s * 2 * ffn, u = g + ffn, a = s * ffn;
            int i = 0;
            for (int bound = F.loopBound(ffn); i < bound; i += F.length()) {
                FloatVector gv = FloatVector.fromArray(F, gu, g + i);
                // SiLU(g) = g·σ(g) = g / (1 + e^(−g))
                FloatVector silu = gv.div(gv.neg().lanewise(VectorOperators.EXP).add(1f));
                silu.mul(FloatVector.fromArray(F, gu, u + i)).intoArray(act, a + i);
            }
            for (; i < ffn; i++) {
                float gx = gu[g + i];
                act[a + i] = gx / (1f + (float) Math.exp(-gx)) * gu[u + i];
            }
        }
    }
}
