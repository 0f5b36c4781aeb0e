package io.genai4j.models.llama;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.infer.KvCache;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.nn.RMSNorm;

/** One decoder layer, pre-norm:  x = x + attn(RMSNorm(x));  x = x + mlp(RMSNorm(x)). */
final class LlamaBlock extends Module {
    final RMSNorm inputLayernorm, postAttentionLayernorm;
    final LlamaAttention selfAttn;
    final LlamaMlp mlp;

    LlamaBlock(LlamaConfig c, WeightSource w, String p, Rope rope) {
        inputLayernorm = add("input_layernorm", RMSNorm.frozen(WeightSource.shaped(w.require(p + "input_layernorm.weight"), p + "input_layernorm.weight", c.dim()), c.normEps()));
        selfAttn = add("self_attn", new LlamaAttention(c, w, p + "self_attn.", rope));
        postAttentionLayernorm = add("post_attention_layernorm",
                RMSNorm.frozen(WeightSource.shaped(w.require(p + "post_attention_layernorm.weight"), p + "post_attention_layernorm.weight", c.dim()), c.normEps()));
        mlp = add("mlp", new LlamaMlp(c, w, p + "mlp."));
    }

    Tensor forward(Tensor x, KvCache cache, int layer, int start) {
        x = x.add(selfAttn.forward(inputLayernorm.forward(x), cache, layer, start));
        return x.add(mlp.forward(postAttentionLayernorm.forward(x)));
    }
}
