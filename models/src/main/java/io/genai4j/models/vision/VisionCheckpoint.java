package io.genai4j.models.vision;

import io.genai4j.engine.Rng;
import io.genai4j.models.train.CheckpointFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** A trained classifier in one safetensors file: the weights, and in the metadata its config and how it was trained. */
public record VisionCheckpoint(VisionModel model, Map<String, Object> train) {
    private static final String FORMAT = "genai4j-vision";

    public static void save(Path file, VisionModel model, Map<String, Object> train) throws IOException {
        CheckpointFile.save(file, FORMAT, model.config.toMap(), model.stateDict(), train);
    }

    public static VisionCheckpoint load(Path file) throws IOException {
        CheckpointFile f = CheckpointFile.read(file, FORMAT, "vision", "train one with `genai vision train --out FILE`");
        VisionModel model = f.into(VisionModel.create(f.config(VisionConfig::fromMap), new Rng(0)));
        return new VisionCheckpoint(model, f.train());
    }
}
