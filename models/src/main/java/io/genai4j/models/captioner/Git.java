package io.genai4j.models.captioner;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Embedding;
import io.genai4j.engine.nn.LayerNorm;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.ops.F;
import java.util.ArrayList;
import java.util.List;

/**
 * A GIT-style captioner (Wang et al. 2022):
 * <pre>
 *   v = LN(W_p · ImageEncoder(image))                 image tokens [B, N, D]
 *   w = E_tok[ids] + E_pos[0..t)                       text tokens  [B, t, D]
 *   h = GitBlock_L(... GitBlock_1([v; w]))            one decoder under {@link GitMask}
 *   logits = head(LN(h_text))                          next-word logits at each text position
 * </pre>
 * trained with one language-modelling loss on the text positions (captions, or the answers of
 * questions given as a prefix).
 */
public final class Git extends Module {
    public final GitConfig config;
    public final ImageEncoder encoder;
    public final Linear project;
    public final LayerNorm projectNorm, norm;
    public final Embedding tokens, positions;
    public final List<GitBlock> blocks = new ArrayList<>();
    public final Linear head;

    /** Next-word logits [B, t, vocab] and, when kept, each block's text-row attention [B, heads, t, N + t]. */
    public record Output(Tensor logits, List<Tensor> textAttention) {}

    public Git(GitConfig c, Rng rng) {
        config = c;
        encoder = add("image_encoder", new ImageEncoder(c, rng));
        project = add("visual_projection", new Linear(c.dim(), c.dim(), true, rng));
        projectNorm = add("visual_projection_norm", new LayerNorm(c.dim()));
        tokens = add("word_embeddings", new Embedding(c.vocab(), c.dim(), rng));
        positions = add("position_embeddings", new Embedding(c.maxText(), c.dim(), rng));
        for (int i = 0; i < c.decoderDepth(); i++) blocks.add(add("decoder_" + i, new GitBlock(c.dim(), c.heads(), c.mlp(), rng)));
        norm = add("norm", new LayerNorm(c.dim()));
        head = add("lm_head", new Linear(c.dim(), c.vocab(), true, rng));
    }

    /** The projected image tokens [B, N, D] of images [B, 3, S, S] (computed once per image when decoding). */
    public Tensor imageTokens(Tensor images) {
        return projectNorm.forward(project.forward(encoder.forward(images)));
    }

    /** Logits for text ids (b rows of t, row-major) after the given image tokens. */
    public Output forward(Tensor imageTokens, int[] ids, int b, int t, boolean keepAttention) {
        if (t > config.maxText()) throw new IllegalArgumentException("text of " + t + " tokens exceeds max_text " + config.maxText());
        int n = imageTokens.size(1);
        int[] pos = new int[t];
        for (int i = 0; i < t; i++) pos[i] = i;
        Tensor text = tokens.forward(ids, b, t).add(positions.forward(pos, t));
        Tensor x = F.cat(1, imageTokens, text);
        List<Tensor> weights = new ArrayList<>();
        for (GitBlock block : blocks) {
            GitAttention.Output o = block.forward(x, n, keepAttention);
            x = o.x();
            if (keepAttention) weights.add(o.textWeights());
        }
        Tensor h = norm.forward(x.narrow(1, n, t));
        return new Output(head.forward(h), weights);
    }
}
