package io.genai4j.models.generative;

import io.genai4j.models.vision.VisionCheckpoint;
import io.genai4j.models.vision.VisionModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The LeNet that {@link DigitScale} reads its figures from: the one shipped in the jar (trained once
 * with {@code genai vision train --model cnn --cpu-seconds 30 --seed 1} on the split's 8,000 training
 * digits; its card is in the train metadata), or any LeNet checkpoint. Every comparison of
 * generative models must use the same classifier, so the shipped one is the default everywhere.
 */
public final class ScaleClassifier {
    /** The class-path resource of the shipped classifier. */
    public static final String RESOURCE = "/io/genai4j/models/generative/scale-lenet.safetensors";

    private ScaleClassifier() {}

    /** The classifier in {@code file}, or the shipped one when file is null. */
    public static VisionCheckpoint load(Path file) throws IOException {
        if (file != null) return VisionCheckpoint.load(file);
        Path tmp = Files.createTempFile("scale-lenet", ".safetensors");
        try {
            try (InputStream in = ScaleClassifier.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("the scale's classifier is missing from the class path (" + RESOURCE + ")");
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            return VisionCheckpoint.load(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The model of {@link #load}. */
    public static VisionModel model(Path file) throws IOException {
        return load(file).model();
    }
}
