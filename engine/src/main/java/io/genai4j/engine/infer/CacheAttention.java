package io.genai4j.engine.infer;

import io.genai4j.engine.DType;
import io.genai4j.engine.kernels.Gemm;
import io.genai4j.engine.kernels.GemmBackends;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.kernels.VecMath;
import io.genai4j.engine.quant.HalfVectors;
import io.genai4j.engine.quant.Lanes;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Causal grouped-query attention of T new queries against the KV cache, for inference:
 * <pre>
 *   for query s at position p = start + s, head h, key/value head g = h / (H/G):
 *     a_j = softmax_j(q·k_j / √d)   over the cached positions j ≤ p
 *     out = Σ_j a_j · v_j
 * </pre>
 * Generation (a few new positions): one task per (position, head), dot products and the weighted
 * sum of values vectorized along the head dimension, an F16 cache widened in registers. A prompt:
 * one task per head, scores and outputs as two GEMMs over all its positions. Each task runs on one
 * thread in a fixed order, so results do not depend on the thread count.
 *
 * <p>An instance holds only the model's head layout; each call's arguments travel in a {@link Call},
 * and per-thread scratch lives in thread-locals, so sessions on many threads share one instance.
 */
final class CacheAttention {
    private static final VectorSpecies<Float> F = Lanes.floats();
    private static final int L = F.length();
    private static final ThreadLocal<float[]> SCORES = ThreadLocal.withInitial(() -> new float[0]);

    private final int heads, kvHeads, headDim;
    private final float scale;

    CacheAttention(DecoderPlan.Dims d) {
        this.heads = d.heads();
        this.kvHeads = d.kvHeads();
        this.headDim = d.headDim();
        this.scale = (float) (1 / Math.sqrt(headDim));
    }

    /** From this many new positions on, a head's scores and outputs are two GEMMs rather than dot products. */
    static final int GEMM_FROM = 16;

    /**
     * Queries of the pass's rows, row s at q[s·ldq + h·headDim ..]; outputs to out[s·H·headDim + h·headDim ..].
     * Each row's cache must already hold the keys and values of its positions up to its own. A
     * batch (one token of each of several sessions) runs one task per (row, head), each against its
     * row's cache.
     */
    void apply(PassRows rows, int layer, float[] q, int ldq, float[] out) {
        Call call = new Call(rows, layer, q, ldq, out);
        if (!rows.batched() && rows.t >= GEMM_FROM) Parallel.forRange(heads, 1, call::headsByGemm);
        else Parallel.forRange(rows.t * heads, 1, call);
    }

    /** One call's arguments, published to the workers by Parallel. */
    private final class Call implements Parallel.RangeBody {
        private final PassRows rows;
        private final int layer, ldq;
        private final float[] q, out;

        Call(PassRows rows, int layer, float[] q, int ldq, float[] out) {
            this.rows = rows;
            this.layer = layer;
            this.q = q;
            this.ldq = ldq;
            this.out = out;
        }

        /**
         * Heads [lo, hi) for a prompt: S = Q·Kᵀ/√d over all cached positions (one GEMM), the causal
         * mask and softmax row by row, then O = P·V (another GEMM). An F16 cache is widened first.
         */
        private void headsByGemm(int lo, int hi) {
            KvCache cache = rows.cache(0);
            int start = rows.position(0), t = rows.t;
            int len = start + t, group = heads / kvHeads;
            Scratch sc = SCRATCH.get();
            float[] s = sc.floats(0, t * len);
            Gemm gemm = GemmBackends.current();
            for (int h = lo; h < hi; h++) {
                int g = h / group;
                float[] k, v;
                int base;
                if (cache.dtype() == DType.F16) {
                    k = sc.floats(1, len * headDim);
                    v = sc.floats(2, len * headDim);
                    base = 0;
                    short[] hk = cache.halfKeys(layer), hv = cache.halfValues(layer);
                    int from = cache.index(g, 0);
                    for (int i = 0; i < len * headDim; i++) {
                        k[i] = Float.float16ToFloat(hk[from + i]);
                        v[i] = Float.float16ToFloat(hv[from + i]);
                    }
                } else {
                    k = cache.keys(layer);
                    v = cache.values(layer);
                    base = cache.index(g, 0);
                }
                // S[i, j] = q_i·k_j / √d
                gemm.sgemm(false, true, t, len, headDim, scale, q, h * headDim, ldq, k, base, headDim, 0f, s, 0, len);
                for (int i = 0; i < t; i++) {
                    int valid = start + i + 1, row = i * len;
                    float max = Float.NEGATIVE_INFINITY;
                    for (int j = 0; j < valid; j++) max = Math.max(max, s[row + j]);
                    float inv = 1f / expShift(s, row, valid, max);
                    for (int j = 0; j < valid; j++) s[row + j] *= inv;
                    Arrays.fill(s, row + valid, row + len, 0f);
                }
                // O = P·V, written into head h's columns of out
                gemm.sgemm(false, false, t, headDim, len, 1f, s, 0, len, v, base, headDim, 0f, out, h * headDim, heads * headDim);
            }
        }

        @Override
        public void run(int lo, int hi) {
            float[] scores = SCORES.get();
            for (int task = lo; task < hi; task++) {
                int s = task / heads, h = task % heads, g = h / (heads / kvHeads);
                KvCache cache = rows.cache(s);
                boolean half = cache.dtype() == DType.F16;
                int len = rows.position(s) + 1;
                if (scores.length < len) SCORES.set(scores = new float[Math.max(len, 2 * scores.length)]);
                int qo = s * ldq + h * headDim, oo = (s * heads + h) * headDim;
                int base = cache.index(g, 0);
                // scores_j = q·k_j / √d, then softmax
                float max = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < len; j++) {
                    float d = half ? dotHalf(q, qo, cache.halfKeys(layer), base + j * headDim) : dot(q, qo, cache.keys(layer), base + j * headDim);
                    d *= scale;
                    scores[j] = d;
                    if (d > max) max = d;
                }
                float sum = expShift(scores, 0, len, max);
                float inv = 1f / sum;
                // out = Σ_j a_j·v_j
                Arrays.fill(out, oo, oo + headDim, 0f);
                for (int j = 0; j < len; j++) {
                    float a = scores[j] * inv;
                    if (half) axpyHalf(a, cache.halfValues(layer), base + j * headDim, out, oo);
                    else VecMath.axpy(a, cache.values(layer), base + j * headDim, out, oo, headDim);
                }
            }
        }
    }

    /** Per-thread buffers, grown on demand. */
    private static final class Scratch {
        private final float[][] buffers = new float[3][0];

        float[] floats(int i, int n) {
            if (buffers[i].length < n) buffers[i] = new float[n];
            return buffers[i];
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** s_j ← e^(s_j − max) for j in [off, off + n); returns their Σ. */
    private static float expShift(float[] s, int off, int n, float max) {
        FloatVector acc = FloatVector.zero(F), vm = FloatVector.broadcast(F, max);
        int j = 0;
        for (int bound = F.loopBound(n); j < bound; j += L) {
            FloatVector e = FloatVector.fromArray(F, s, off + j).sub(vm).lanewise(VectorOperators.EXP);
            e.intoArray(s, off + j);
            acc = acc.add(e);
        }
        float sum = Lanes.sum(acc);
        for (; j < n; j++) {
            s[off + j] = (float) Math.exp(s[off + j] - max);
            sum += s[off + j];
        }
        return sum;
    }

    private float dot(float[] a, int ao, float[] b, int bo) {
        if (headDim % L != 0) return VecMath.dot(a, ao, b, bo, headDim);
        FloatVector acc = FloatVector.zero(F);
        for (int i = 0; i < headDim; i += L) acc = FloatVector.fromArray(F, a, ao + i).fma(FloatVector.fromArray(F, b, bo + i), acc);
        return Lanes.sum(acc);
    }

    private float dotHalf(float[] a, int ao, short[] b, int bo) {
        if (headDim % L != 0) {
            float s = 0;
            for (int i = 0; i < headDim; i++) s += a[ao + i] * Float.float16ToFloat(b[bo + i]);
            return s;
        }
        FloatVector acc = FloatVector.zero(F);
        for (int i = 0; i < headDim; i += L) acc = FloatVector.fromArray(F, a, ao + i).fma(HalfVectors.load(b, bo + i), acc);
        return Lanes.sum(acc);
    }

    private void axpyHalf(float a, short[] v, int vo, float[] y, int yo) {
        if (headDim % L != 0) {
            for (int i = 0; i < headDim; i++) y[yo + i] += a * Float.float16ToFloat(v[vo + i]);
            return;
        }
        FloatVector va = FloatVector.broadcast(F, a);
        for (int i = 0; i < headDim; i += L) HalfVectors.load(v, vo + i).fma(va, FloatVector.fromArray(F, y, yo + i)).intoArray(y, yo + i);
    }
}
