package io.genai4j.models.captioner;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Conv2d;
import io.genai4j.engine.nn.Init;
import io.genai4j.engine.nn.LayerNorm;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.ops.ConvGeometry;
import io.genai4j.models.vision.VitBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * GIT's image encoder, a ViT trained from scratch here (GIT uses a contrastively pre-trained one):
 * RGB patches → linear embedding (a P×P convolution of stride P) + learned positions → pre-LN
 * encoder blocks ({@link VitBlock}) → LN. No class token: every patch token goes to the decoder.
 */
public final class ImageEncoder extends Module {
    public final Conv2d patchEmbed;
    public final Tensor positions;
    public final List<VitBlock> blocks = new ArrayList<>();
    public final LayerNorm norm;
    private final int dim;

    public ImageEncoder(GitConfig c, Rng rng) {
        dim = c.dim();
        patchEmbed = add("patch_embed", new Conv2d(3, c.dim(), ConvGeometry.square(c.patch(), c.patch(), 0, 1, 1), true, rng));
        positions = param("pos_embed", Init.normal(Tensor.zeros(1, c.imageTokens(), c.dim()), 0, 0.02, rng));
        for (int i = 0; i < c.encoderDepth(); i++) blocks.add(add("blocks_" + i, new VitBlock(c.dim(), c.heads(), c.mlp(), rng)));
        norm = add("norm", new LayerNorm(c.dim()));
    }

    /** images [B, 3, S, S] → patch tokens [B, N, D]. */
    public Tensor forward(Tensor images) {
        int b = images.size(0);
        Tensor z = patchEmbed.forward(images).reshape(b, dim, -1).transpose(1, 2).add(positions);
        for (VitBlock block : blocks) z = block.forward(z, false).x();
        return norm.forward(z);
    }
}
