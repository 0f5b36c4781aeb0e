package io.genai4j.cli.diffusion;

import io.genai4j.models.diffusion.DiffusionTrainer;
import io.genai4j.models.diffusion.PixelDiffusion;
import io.genai4j.models.vision.Images;
import java.util.stream.IntStream;

/** Digits as the pixel model's data: [N, 1, H, W] in [−1, 1], with their labels when it is conditional. */
final class PixelData {
    private PixelData() {}

    static DiffusionTrainer.Data of(Images images, boolean labelled) {
        return new DiffusionTrainer.Data(PixelDiffusion.toData(images.batch(IntStream.range(0, images.size()).toArray())), labelled ? images.labels() : null);
    }
}
