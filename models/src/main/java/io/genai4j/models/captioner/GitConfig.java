package io.genai4j.models.captioner;

import static io.genai4j.models.train.ConfigFields.num;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sizes of the captioner: square RGB images of {@code imageSize} cut into {@code patch}² patches,
 * a ViT encoder of {@code encoderDepth} blocks, a text decoder of {@code decoderDepth} blocks, all
 * {@code dim} wide with {@code heads} heads and MLPs {@code mlp} wide; {@code vocab} words and texts of
 * up to {@code maxText} tokens.
 */
public record GitConfig(int imageSize, int patch, int dim, int encoderDepth, int decoderDepth, int heads, int mlp, int vocab, int maxText) {
    public GitConfig {
        if (patch < 1 || imageSize % patch != 0) throw new IllegalArgumentException("patch size " + patch + " does not divide the image size " + imageSize);
        if (dim < 1 || heads < 1 || dim % heads != 0 || mlp < 1 || encoderDepth < 1 || decoderDepth < 1 || vocab < 4 || maxText < 2) {
            throw new IllegalArgumentException("captioner sizes must be positive with dim divisible by heads, got dim " + dim + ", heads " + heads);
        }
    }

    /** The shipped size: 56×56 scenes in 8×8 patches (49 image tokens), width 64, 2 + 2 blocks of 4 heads. */
    public static GitConfig small() {
        return new GitConfig(SceneGenerator.SIZE, 8, 64, 2, 2, 4, 128, new CaptionVocabulary().size(), 24);
    }

    /** Patches per side. */
    public int grid() {
        return imageSize / patch;
    }

    public int imageTokens() {
        return grid() * grid();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("image_size", imageSize);
        m.put("patch", patch);
        m.put("dim", dim);
        m.put("encoder_depth", encoderDepth);
        m.put("decoder_depth", decoderDepth);
        m.put("heads", heads);
        m.put("mlp", mlp);
        m.put("vocab", vocab);
        m.put("max_text", maxText);
        return m;
    }

    public static GitConfig fromMap(Map<String, Object> m) {
        return new GitConfig(num(m, "image_size"), num(m, "patch"), num(m, "dim"), num(m, "encoder_depth"), num(m, "decoder_depth"),
                num(m, "heads"), num(m, "mlp"), num(m, "vocab"), num(m, "max_text"));
    }
}
