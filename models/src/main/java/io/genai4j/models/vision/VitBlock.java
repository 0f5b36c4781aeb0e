package io.genai4j.models.vision;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.LayerNorm;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.nn.MultiHeadAttention;

/**
 * One ViT encoder block (Dosovitskiy et al. 2021, eq. 2-3), pre-LN:
 * <pre>
 *   z' = MSA(LN(z)) + z,     z = MLP(LN(z')) + z'      MLP = fc2(GELU(fc1(·)))
 * </pre>
 * The attention is the engine's {@link MultiHeadAttention}; its weights can be kept for rollout.
 */
public final class VitBlock extends Module {
    public final LayerNorm norm1, norm2;
    public final MultiHeadAttention attn;
    public final Linear fc1, fc2;

    /** The block's output and, when asked for, its attention weights [B, heads, T, T]. */
    public record Output(Tensor x, Tensor weights) {}

    public VitBlock(int dim, int heads, int mlp, Rng rng) {
        norm1 = add("norm1", new LayerNorm(dim));
        attn = add("attn", new MultiHeadAttention(dim, heads, true, 0f, rng));
        norm2 = add("norm2", new LayerNorm(dim));
        fc1 = add("fc1", new Linear(dim, mlp, true, rng));
        fc2 = add("fc2", new Linear(mlp, dim, true, rng));
    }

    public Output forward(Tensor z, boolean keepWeights) {
        Tensor h = norm1.forward(z);
        MultiHeadAttention.Output a = attn.forward(h, h, false, null, keepWeights);
        z = z.add(a.output());
        z = z.add(fc2.forward(fc1.forward(norm2.forward(z)).gelu()));
        return new Output(z, a.weights());
    }
}
