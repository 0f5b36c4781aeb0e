package io.genai4j.models.vision;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Module;

/** An image classifier: images [B, 1, H, W] in, class logits [B, classes] out. */
public abstract sealed class VisionModel extends Module permits LeNet, Vit {
    public final VisionConfig config;

    VisionModel(VisionConfig config) {
        this.config = config;
    }

    public abstract Tensor forward(Tensor images);

    /** A freshly initialised model of the config's kind. */
    public static VisionModel create(VisionConfig c, Rng rng) {
        return c.kind().equals("cnn") ? new LeNet(c, rng) : new Vit(c, rng);
    }
}
