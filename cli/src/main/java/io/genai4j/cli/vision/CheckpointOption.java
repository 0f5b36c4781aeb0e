package io.genai4j.cli.vision;

import io.genai4j.models.vision.VisionCheckpoint;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --checkpoint FILE}: a model written by {@code genai vision train}. */
public final class CheckpointOption {
    @Option(names = "--checkpoint", paramLabel = "FILE", description = "A checkpoint from `genai vision train` (default: runs/vision-cnn.safetensors, runs/vision-vit.safetensors for attention).")
    Path file;

    public VisionCheckpoint load(String defaultModel) throws IOException {
        return VisionCheckpoint.load(file != null ? file : Path.of("runs", "vision-" + defaultModel + ".safetensors"));
    }
}
