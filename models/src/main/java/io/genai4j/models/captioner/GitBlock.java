package io.genai4j.models.captioner;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.LayerNorm;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.Module;

/**
 * One block of GIT's decoder, pre-LN: x + GitAttention(LN(x)), then x + fc2(GELU(fc1(LN(x)))).
 * The same block serves image and text tokens; only the mask tells them apart.
 */
public final class GitBlock extends Module {
    public final LayerNorm norm1, norm2;
    public final GitAttention attn;
    public final Linear fc1, fc2;

    public GitBlock(int dim, int heads, int mlp, Rng rng) {
        norm1 = add("norm1", new LayerNorm(dim));
        attn = add("self", new GitAttention(dim, heads, rng));
        norm2 = add("norm2", new LayerNorm(dim));
        fc1 = add("fc1", new Linear(dim, mlp, true, rng));
        fc2 = add("fc2", new Linear(mlp, dim, true, rng));
    }

    public GitAttention.Output forward(Tensor x, int imageTokens, boolean keepWeights) {
        GitAttention.Output a = attn.forward(norm1.forward(x), imageTokens, keepWeights);
        x = x.add(a.x());
        x = x.add(fc2.forward(fc1.forward(norm2.forward(x)).gelu()));
        return new GitAttention.Output(x, a.textWeights());
    }
}
