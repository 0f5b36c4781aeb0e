package io.genai4j.engine.infer;

import io.genai4j.engine.DType;
import io.genai4j.engine.kernels.NormRows;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.kernels.VecMath;
import io.genai4j.engine.quant.Lanes;
import io.genai4j.engine.quant.WeightMatrix;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The inference path of a decoder: runs a {@link DecoderPlan} (which a model builds from its module
 * tree) without tensors or autograd. Matrices that read the same input run as one group (Q|K|V,
 * gate|up), SiLU·up and the residual adds are fused loops, and attention reads the KV cache in place.
 * <pre>
 *   x = embed[ids] (+ positions[p])
 *   per layer:  h = Norm(x);  [q|k|v] = h·[Wq|Wk|Wv]ᵀ (+b);  q, k ← RoPE;  cache ← k, v
 *               x += Attention(q, cache)·Woᵀ (+b)
 *               h = Norm(x);  [g|u] = h·[Wg|Wu]ᵀ;  x += (SiLU(g) ⊙ u)·Wdᵀ     or  x += GELU(h·Wuᵀ + b)·Wdᵀ + b
 *   logits = Norm(x)·Wᵀ
 * </pre>
 * Generation is memory-bound: one token streams every weight byte once, so the work outside the
 * matrix products (a few microseconds per layer) is kept to a handful of dispatches.
 *
 * <p>The runtime holds the plan and nothing per request: the KV cache and the activation buffers
 * belong to a {@link Session}, so sessions on many threads share one loaded model without a lock.
 */
public final class DecoderRuntime {
    private static final VectorSpecies<Float> F = Lanes.floats();
    /** From this many new positions on, attention runs as two GEMMs per head rather than dot products. */
    public static final int ATTENTION_GEMM_FROM = CacheAttention.GEMM_FROM;

    private final DecoderPlan plan;
    private final PlanAdapters adapters;   // unmerged LoRA side paths, or null
    private final DecoderPlan.Dims d;
    private final DecoderPlan.Style style;
    private final boolean layerNorm;
    private final CacheAttention attention;
    private final int dim, qDim, kvDim, qkvDim, ffn, vocab;

    public DecoderRuntime(DecoderPlan plan) {
        this(plan, null);
    }

    /** A runtime of the plan's base weights plus unmerged adapters (null: none), one per layer. */
    public DecoderRuntime(DecoderPlan plan, PlanAdapters adapters) {
        if (adapters != null && adapters.layers().size() != plan.layers().size()) {
            throw new IllegalArgumentException("adapters for " + adapters.layers().size() + " layers on a plan of " + plan.layers().size());
        }
        this.plan = plan;
        this.adapters = adapters;
        this.d = plan.dims();
        this.style = plan.style();
        this.layerNorm = style.norm() == DecoderPlan.Norm.LAYER;
        dim = d.dim();
        qDim = d.qDim();
        kvDim = d.kvDim();
        qkvDim = qDim + 2 * kvDim;
        ffn = d.ffn();
        vocab = d.vocab();
        attention = new CacheAttention(d);
    }

    public DecoderPlan plan() {
        return plan;
    }

    /** A new conversation: an empty KV cache (F32 or F16) with room for {@code capacity} positions before it grows. */
    public Session newSession(int capacity, DType kvType) {
        KvCache cache = new KvCache(plan.layers().size(), d.kvHeads(), d.headDim(), plan.contextLength(), capacity, kvType);
        return new RuntimeSession(this, cache, newBuffers());
    }

    /** Activation buffers for passes of this plan. */
    SessionBuffers newBuffers() {
        return new SessionBuffers(d, plan.rope().pairs());
    }

    /** As {@link Session#forward}, with the session's buffers and cache. */
    float[] forward(SessionBuffers b, KvCache cache, int[] tokens, boolean allPositions) {
        if (tokens.length == 0) throw new IllegalArgumentException("no tokens to run");
        return run(b, PassRows.session(cache, tokens.length, adapters), tokens, allPositions);
    }

    /**
     * One decode step of several sessions of this plan: their new tokens go through every weight
     * matrix as the rows of one product (one pass over the weights for all), each attending to its
     * own cache at its own position with its own runtime's adapters. Returns [K, vocab] logits.
     */
    float[] step(SessionBuffers b, RuntimeSession[] sessions, int[] tokens) {
        if (tokens.length != sessions.length) throw new IllegalArgumentException(sessions.length + " sessions but " + tokens.length + " tokens");
        if (tokens.length == 0) throw new IllegalArgumentException("no sessions to step");
        KvCache[] caches = new KvCache[sessions.length];
        PlanAdapters[] side = new PlanAdapters[sessions.length];
        for (int s = 0; s < sessions.length; s++) {
            DecoderRuntime r = sessions[s].runtime();
            if (r.plan != plan) throw new IllegalArgumentException("session " + s + " runs another model");
            caches[s] = sessions[s].cache();
            side[s] = r.adapters;
            for (int o = 0; o < s; o++) {
                if (caches[o] == caches[s]) throw new IllegalArgumentException("sessions " + o + " and " + s + " share one KV cache");
            }
        }
        return run(b, PassRows.batch(caches, side), tokens, true);
    }

    private float[] run(SessionBuffers b, PassRows rows, int[] tokens, boolean allPositions) {
        int t = rows.t;
        rows.reserve();
        b.ensureRows(t);
        RopeTable rope = plan.rope();
        WeightMatrix positions = style.positions();
        for (int s = 0; s < t; s++) {
            if (tokens[s] < 0 || tokens[s] >= vocab) {
                throw new IllegalArgumentException("token id " + tokens[s] + " at position " + s + " is outside the vocabulary [0, " + vocab + ")");
            }
            plan.embed().decodeRows(tokens[s], 1, b.x, s * dim);
            if (positions != null) {   // GPT-2: x = wte[id] + wpe[p]
                positions.decodeRows(rows.position(s), 1, b.tmp, 0);
                VecMath.addInto(b.tmp, 0, b.x, s * dim, dim);
            }
            rope.angles(rows.position(s), b.cos, b.sin, s * rope.pairs());
        }
        for (int l = 0; l < plan.layers().size(); l++) layer(b, l, plan.layers().get(l), rows);
        rows.advance();

        int first = allPositions ? 0 : t - 1, n = t - first;
        norm(b.x, first * dim, n, plan.finalNorm(), style.finalNormBias(), b.h, 0);
        float[] logits = new float[n * vocab];
        plan.head().apply(b.h, 0, n, logits, 0, vocab);
        return logits;
    }

    private void layer(SessionBuffers b, int index, DecoderPlan.Layer w, PassRows rows) {
        int hd = d.headDim(), t = rows.t;
        RopeTable rope = plan.rope();
        DecoderPlan.Biases bias = w.biases();
        float[] qkv = b.qkv;
        // Attention: [q|k|v] = Norm(x)·[Wq|Wk|Wv]ᵀ
        norm(b.x, 0, t, w.attnNorm(), bias.attnNorm(), b.h, 0);
        w.qkv().apply(b.h, 0, t, qkv, 0, qkvDim);
        rows.addSide(index, PlanAdapters.Layer::qkv, b.h, dim, qkv, qkvDim);
        for (int s = 0; s < t; s++) {
            int o = s * qkvDim;
            if (w.qkvBias() != null) VecMath.addInto(w.qkvBias(), 0, qkv, o, qkvDim);
            if (w.qNorm() != null) {
                for (int i = 0; i < d.heads(); i++) normRow(qkv, o + i * hd, hd, w.qNorm(), null, false, qkv, o + i * hd);
                for (int i = 0; i < d.kvHeads(); i++) normRow(qkv, o + qDim + i * hd, hd, w.kNorm(), null, false, qkv, o + qDim + i * hd);
            }
            if (rope.pairs() > 0) {
                rope.rotate(qkv, o, d.heads(), b.cos, b.sin, s * rope.pairs(), 1f);
                rope.rotate(qkv, o + qDim, d.kvHeads(), b.cos, b.sin, s * rope.pairs(), 1f);
            }
            KvCache cache = rows.cache(s);
            int p = rows.position(s);
            for (int g = 0; g < d.kvHeads(); g++) cache.put(index, g, p, qkv, o + qDim + g * hd, qkv, o + qDim + kvDim + g * hd);
        }
        attention.apply(rows, index, qkv, qkvDim, b.att);
        w.o().apply(b.att, 0, t, b.tmp, 0, dim);
        addBias(bias.o(), b.tmp, dim, t);
        rows.addSide(index, PlanAdapters.Layer::o, b.att, qDim, b.tmp, dim);
        VecMath.addInto(b.tmp, 0, b.x, 0, t * dim);

        // Feed-forward: x += FFN(Norm(x))
        norm(b.x, 0, t, w.ffnNorm(), bias.ffnNorm(), b.h, 0);
        if (style.ffn() == DecoderPlan.FeedForward.SWIGLU) {
            // (SiLU(g) ⊙ u)·Wdᵀ with [g|u] = h·[Wg|Wu]ᵀ
            w.gateUp().apply(b.h, 0, t, b.gu, 0, 2 * ffn);
            rows.addSide(index, PlanAdapters.Layer::gateUp, b.h, dim, b.gu, 2 * ffn);
            swiGlu(b.gu, b.act, t);
        } else {
            // GELU(h·Wuᵀ + b)·Wdᵀ
            w.gateUp().apply(b.h, 0, t, b.gu, 0, ffn);
            rows.addSide(index, PlanAdapters.Layer::gateUp, b.h, dim, b.gu, ffn);
            addBias(bias.up(), b.gu, ffn, t);
            gelu(b.gu, b.act, t);
        }
        w.down().apply(b.act, 0, t, b.tmp, 0, dim);
        rows.addSide(index, PlanAdapters.Layer::down, b.act, ffn, b.tmp, dim);
        addBias(bias.down(), b.tmp, dim, t);
        VecMath.addInto(b.tmp, 0, b.x, 0, t * dim);
    }

    /** rows[s·width ..] += bias for each of t rows; nothing without a bias. */
    private static void addBias(float[] bias, float[] rows, int width, int t) {
        if (bias == null) return;
        for (int s = 0; s < t; s++) VecMath.addInto(bias, 0, rows, s * width, width);
    }

    /** The plan's norm of n rows of width dim from src[off..] into dst[dstOff..], rows split over threads when there are many. */
    private void norm(float[] src, int off, int n, float[] weight, float[] bias, float[] dst, int dstOff) {
        if (n == 1) {
            normRow(src, off, dim, weight, bias, layerNorm, dst, dstOff);
            return;
        }
        Parallel.forRange(n, 8, (lo, hi) -> {
            for (int r = lo; r < hi; r++) normRow(src, off + r * dim, dim, weight, bias, layerNorm, dst, dstOff + r * dim);
        });
    }

    /**
     * One row as {@link io.genai4j.engine.ops.Norms} computes it, with its row kernel: LayerNorm
     * y = (x − μ)·rstd ⊙ w + b, or RMSNorm (μ = 0, no shift) y = x·rstd ⊙ w.
     */
    private void normRow(float[] src, int off, int n, float[] weight, float[] bias, boolean center, float[] dst, int dstOff) {
        float mu = center ? VecMath.sum(src, off, n) / n : 0f;
        float var = VecMath.sumSquaredDeviation(src, off, n, mu) / n;
        float rs = (float) (1.0 / Math.sqrt(var + plan.normEps()));
        NormRows.forward(src, off, dst, dstOff, n, mu, rs, weight, bias);
    }

    /** act = GELU(x) row by row, in the plan's form (tanh approximation or exact). */
    private void gelu(float[] x, float[] act, int t) {
        VecMath.Unary op = style.ffn() == DecoderPlan.FeedForward.GELU_TANH ? VecMath.Unary.GELU_TANH : VecMath.Unary.GELU;
        if (t == 1) {
            VecMath.unary(op, x, 0, act, 0, ffn);
            return;
        }
        Parallel.forRange(t, 4, (lo, hi) -> VecMath.unary(op, x, lo * ffn, act, lo * ffn, (hi - lo) * ffn));
    }

    /** act = SiLU(gate) ⊙ up, row by row from gu = [gate | up]. */
    private void swiGlu(float[] gu, float[] act, int t) {
        if (t == 1) {
            swiGluRows(gu, act, 0, 1);
            return;
        }
        Parallel.forRange(t, 4, (lo, hi) -> swiGluRows(gu, act, lo, hi));
    }

    private void swiGluRows(float[] gu, float[] act, int lo, int hi) {
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
