package io.genai4j.models.generative.shipped;

import io.genai4j.models.vision.VisionCheckpoint;
import io.genai4j.models.vision.VisionModel;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The LeNet that {@link io.genai4j.models.generative.DigitScale} reads its figures from: the one shipped in the jar (trained once
 * with {@code genai vision train --model cnn --cpu-seconds 30 --seed 1} on the split's 8,000 training
 * digits, 98.1% test accuracy; its card is the file's train metadata), or any LeNet checkpoint. Every
 * comparison of generative models must use the same classifier, so the shipped one is the default.
 */
public final class ScaleClassifier {
    private ScaleClassifier() {}

    /** The classifier in {@code file}, or the shipped one when file is null. */
    public static VisionModel model(Path file) throws IOException {
        VisionCheckpoint c = file != null ? VisionCheckpoint.load(file) : ShippedModels.scaleClassifier();
        return c.model();
    }
}
