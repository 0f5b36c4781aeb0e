package io.genai4j.models.gpt;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.infer.KvCache;
import io.genai4j.engine.nn.Dropout;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.nn.MultiHeadAttention;
import io.genai4j.engine.ops.Attention;
import io.genai4j.engine.ops.F;

/**
 * nanoGPT's CausalSelfAttention: one projection c_attn makes Q, K and V for all heads at once,
 * attention = softmax(Q·Kᵀ/√d)·V under a causal mask, heads concatenated, projected by c_proj.
 */
final class CausalSelfAttention extends Module {
    final Linear cAttn, cProj;
    private final Dropout residDropout;
    private final int nHead, nEmbd;
    private final float attnDropout;
    private final Rng rng;

    CausalSelfAttention(GptConfig c, Rng rng) {
        this.cAttn = add("c_attn", new Linear(c.nEmbd(), 3 * c.nEmbd(), c.bias(), rng));
        this.cProj = add("c_proj", new Linear(c.nEmbd(), c.nEmbd(), c.bias(), rng));
        this.residDropout = add("resid_dropout", new Dropout(c.dropout(), rng));
        this.nHead = c.nHead();
        this.nEmbd = c.nEmbd();
        this.attnDropout = c.dropout();
        this.rng = rng;
    }

    /** x [B, T, C] → [B, T, C]. With a cache, x holds only the new positions. */
    Tensor forward(Tensor x, KvCache cache, int layer, boolean keepWeights, Tensor[] weightsOut) {
        int b = x.size(0), t = x.size(1);
        float pDrop = isTraining() ? attnDropout : 0f;
        if (cache == null && !keepWeights) {
            // Training and plain evaluation: one fused op from the packed Q|K|V projection.
            return residDropout.forward(cProj.forward(Attention.packedCausalSelfAttention(cAttn.forward(x), nHead, pDrop, rng)));
        }
        Tensor[] qkv = F.split(cAttn.forward(x), -1, nEmbd, nEmbd, nEmbd);
        Tensor q = heads(qkv[0], b, t), k = heads(qkv[1], b, t), v = heads(qkv[2], b, t);
        if (cache != null) {
            Tensor[] kv = cache.append(layer, k, v);
            k = kv[0];
            v = kv[1];
        }
        float scale = (float) (1 / Math.sqrt(nEmbd / nHead));
        Attention.Result r = Attention.attention(q, k, v, true, null, scale, keepWeights, pDrop, rng);
        if (weightsOut != null) weightsOut[layer] = r.weights();
        return residDropout.forward(cProj.forward(MultiHeadAttention.mergeHeads(r.output())));
    }

    /** [B, T, C] → [B, H, T, C/H], a view. */
    private Tensor heads(Tensor x, int b, int t) {
        return x.reshape(b, t, nHead, nEmbd / nHead).transpose(1, 2);
    }
}
