package io.genai4j.models.llama;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.infer.KvCache;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.nn.RMSNorm;
import io.genai4j.engine.ops.Attention;

/**
 * Grouped-query self-attention with rotary positions (Llama, Qwen):
 * <pre>
 *   Q = x·Wqᵀ (+bq),  K = x·Wkᵀ (+bk),  V = x·Wvᵀ (+bv)          H query heads, G key/value heads
 *   qwen3: Q, K ← RMSNorm over each head
 *   Q, K ← RoPE(Q, K, positions)
 *   head h attends with key/value head h / (H/G):  softmax(Q·Kᵀ/√d + causal mask)·V
 *   out = Concat(heads)·Woᵀ
 * </pre>
 */
final class LlamaAttention extends Module {
    final Linear qProj, kProj, vProj, oProj;
    final RMSNorm qNorm, kNorm;   // qwen3 only
    private final LlamaConfig c;
    private final Rope rope;

    LlamaAttention(LlamaConfig c, WeightSource w, String p, Rope rope) {
        this.c = c;
        this.rope = rope;
        qProj = add("q_proj", Linear.frozen(WeightSource.shaped(w.require(p + "q_proj.weight"), p + "q_proj.weight", c.qDim(), c.dim()), w.optional(p + "q_proj.bias")));
        kProj = add("k_proj", Linear.frozen(WeightSource.shaped(w.require(p + "k_proj.weight"), p + "k_proj.weight", c.kvDim(), c.dim()), w.optional(p + "k_proj.bias")));
        vProj = add("v_proj", Linear.frozen(WeightSource.shaped(w.require(p + "v_proj.weight"), p + "v_proj.weight", c.kvDim(), c.dim()), w.optional(p + "v_proj.bias")));
        oProj = add("o_proj", Linear.frozen(WeightSource.shaped(w.require(p + "o_proj.weight"), p + "o_proj.weight", c.dim(), c.qDim()), w.optional(p + "o_proj.bias")));
        if (c.arch() == Arch.QWEN3) {
            qNorm = add("q_norm", RMSNorm.frozen(WeightSource.shaped(w.require(p + "q_norm.weight"), p + "q_norm.weight", c.headDim()), c.normEps()));
            kNorm = add("k_norm", RMSNorm.frozen(WeightSource.shaped(w.require(p + "k_norm.weight"), p + "k_norm.weight", c.headDim()), c.normEps()));
        } else {
            qNorm = kNorm = null;
        }
    }

    /** x [1, T, D] at positions start.. → [1, T, D]. */
    Tensor forward(Tensor x, KvCache cache, int layer, int start) {
        int t = x.size(1), hd = c.headDim();
        Tensor q = qProj.forward(x).reshape(1, t, c.heads(), hd);
        Tensor k = kProj.forward(x).reshape(1, t, c.kvHeads(), hd);
        Tensor v = vProj.forward(x).reshape(1, t, c.kvHeads(), hd);
        if (qNorm != null) {
            q = qNorm.forward(q);
            k = kNorm.forward(k);
        }
        q = rope.apply(q, start).transpose(1, 2);   // [1, H, T, hd]
        k = rope.apply(k, start).transpose(1, 2);   // [1, G, T, hd]
        v = v.transpose(1, 2);
        if (cache != null) {
            Tensor[] kv = cache.append(layer, k.contiguous(), v.contiguous());
            k = kv[0];
            v = kv[1];
        }
        k = repeatKv(k);
        v = repeatKv(v);
        float scale = (float) (1 / Math.sqrt(hd));
        Tensor o = Attention.attention(q, k, v, true, null, scale, false).output();   // [1, H, T, hd]
        return oProj.forward(o.transpose(1, 2).reshape(1, t, c.qDim()));
    }

    /** [1, G, Tk, d] → [1, H, Tk, d]: each key/value head serves H/G consecutive query heads. */
    private Tensor repeatKv(Tensor kv) {
        int g = c.kvHeads(), rep = c.heads() / g;
        if (rep == 1) return kv;
        int tk = kv.size(2), d = kv.size(3);
        return kv.unsqueeze(2).expand(1, g, rep, tk, d).reshape(1, c.heads(), tk, d);
    }
}
