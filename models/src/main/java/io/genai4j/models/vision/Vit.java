package io.genai4j.models.vision;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Conv2d;
import io.genai4j.engine.nn.Init;
import io.genai4j.engine.nn.LayerNorm;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.ops.ConvGeometry;
import io.genai4j.engine.ops.F;
import java.util.ArrayList;
import java.util.List;

/**
 * A small Vision Transformer (Dosovitskiy et al. 2021): "an image is worth 16×16 words".
 * <pre>
 *   patches: conv P×P, stride P (one linear map per non-overlapping patch) → N = (S/P)² tokens of width D
 *   z₀ = [x_class; x_p¹E; …; x_pᴺE] + E_pos          learned class token and positions
 *   z_ℓ = encoder blocks (pre-LN, {@link VitBlock}),   y = head(LN(z_L⁰))  from the class token
 * </pre>
 * Unlike the CNN it has no built-in notion of locality beyond the patch: attention between patches
 * must be learned, which is why it needs more data.
 */
public final class Vit extends VisionModel {
    public final Conv2d patchEmbed;
    public final Tensor classToken, positions;
    public final List<VitBlock> blocks = new ArrayList<>();
    public final LayerNorm norm;
    public final Linear head;

    /** The logits and, when kept, each block's attention weights [B, heads, 1 + N, 1 + N]. */
    public record Output(Tensor logits, List<Tensor> attention) {}

    Vit(VisionConfig c, Rng rng) {
        super(c);
        int tokens = c.grid() * c.grid() + 1;
        patchEmbed = add("patch_embed", new Conv2d(1, c.dim(), ConvGeometry.square(c.patch(), c.patch(), 0, 1, 1), true, rng));
        classToken = param("cls_token", Init.normal(Tensor.zeros(1, 1, c.dim()), 0, 0.02, rng));
        positions = param("pos_embed", Init.normal(Tensor.zeros(1, tokens, c.dim()), 0, 0.02, rng));
        for (int i = 0; i < c.depth(); i++) blocks.add(add("blocks_" + i, new VitBlock(c.dim(), c.heads(), c.mlp(), rng)));
        norm = add("norm", new LayerNorm(c.dim()));
        head = add("head", new Linear(c.dim(), c.classes(), true, rng));
    }

    @Override
    public Tensor forward(Tensor images) {
        return forward(images, false).logits();
    }

    public Output forward(Tensor images, boolean keepAttention) {
        int b = images.size(0), d = config.dim();
        Tensor p = patchEmbed.forward(images);                                  // [B, D, g, g]
        p = p.reshape(b, d, -1).transpose(1, 2);                                // [B, N, D]
        Tensor z = F.cat(1, classToken.expand(b, 1, d), p).add(positions);      // [B, 1 + N, D]
        List<Tensor> weights = new ArrayList<>();
        for (VitBlock block : blocks) {
            VitBlock.Output o = block.forward(z, keepAttention);
            z = o.x();
            if (keepAttention) weights.add(o.weights());
        }
        Tensor cls = norm.forward(z).select(1, 0);                              // [B, D]
        return new Output(head.forward(cls), weights);
    }
}
