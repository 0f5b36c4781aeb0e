package io.genai4j.models.vision;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Conv2d;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.ops.F;

/**
 * LeNet-5 (LeCun et al. 1998) as it is usually rebuilt today, with ReLU and max pooling:
 * <pre>
 *   conv 5×5, 6 maps, pad 2 → ReLU → max-pool 2  (28 → 14)
 *   conv 5×5, 16 maps      → ReLU → max-pool 2  (14 → 10 → 5)
 *   flatten 16·5·5 → fc 120 → ReLU → fc 84 → ReLU → fc classes
 * </pre>
 * Its priors — local receptive fields, shared weights, pooling for small shifts — are what a ViT
 * has to learn from data.
 */
public final class LeNet extends VisionModel {
    public final Conv2d conv1, conv2;
    public final Linear fc1, fc2, fc3;
    private final int flat;

    LeNet(VisionConfig c, Rng rng) {
        super(c);
        int side = (c.imageSize() / 2 - 4) / 2;
        if (side < 1) throw new IllegalArgumentException("LeNet needs images of at least 12 pixels, got " + c.imageSize());
        flat = 16 * side * side;
        conv1 = add("conv1", new Conv2d(1, 6, 5, 1, 2, rng));
        conv2 = add("conv2", new Conv2d(6, 16, 5, 1, 0, rng));
        fc1 = add("fc1", new Linear(flat, 120, true, rng));
        fc2 = add("fc2", new Linear(120, 84, true, rng));
        fc3 = add("fc3", new Linear(84, c.classes(), true, rng));
    }

    @Override
    public Tensor forward(Tensor images) {
        return fc3.forward(features(images));
    }

    /** The 84 penultimate features (fc2 after its ReLU): what the generative lessons' Fréchet distance compares. */
    public Tensor features(Tensor images) {
        Tensor x = F.maxPool2d(conv1.forward(images).relu(), 2, 2, 0);
        x = F.maxPool2d(conv2.forward(x).relu(), 2, 2, 0);
        x = x.reshape(x.size(0), flat);
        return fc2.forward(fc1.forward(x).relu()).relu();
    }
}
