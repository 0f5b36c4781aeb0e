package io.genai4j.models.gpt;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.infer.KvCache;
import io.genai4j.engine.nn.LayerNorm;
import io.genai4j.engine.nn.Module;

/** One GPT block, pre-LN as in GPT-2:  x = x + attn(ln_1(x));  x = x + mlp(ln_2(x)). */
final class Block extends Module {
    final LayerNorm ln1, ln2;
    final CausalSelfAttention attn;
    final Mlp mlp;

    Block(GptConfig c, Rng rng) {
        ln1 = add("ln_1", new LayerNorm(c.nEmbd(), 1e-5f, c.bias()));
        attn = add("attn", new CausalSelfAttention(c, rng));
        ln2 = add("ln_2", new LayerNorm(c.nEmbd(), 1e-5f, c.bias()));
        mlp = add("mlp", new Mlp(c, rng));
    }

    Tensor forward(Tensor x, KvCache cache, int layer, boolean keepWeights, Tensor[] weightsOut) {
        x = x.add(attn.forward(ln1.forward(x), cache, layer, keepWeights, weightsOut));
        return x.add(mlp.forward(ln2.forward(x)));
    }
}
