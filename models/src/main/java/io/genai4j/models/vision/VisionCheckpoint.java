package io.genai4j.models.vision;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.io.Checkpoints;
import io.genai4j.engine.io.Json;
import io.genai4j.engine.util.Printable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A trained classifier in one safetensors file: the weights, and in the metadata its config and how it was trained. */
public record VisionCheckpoint(VisionModel model, Map<String, Object> train) {
    private static final String FORMAT = "genai4j-vision";

    public static void save(Path file, VisionModel model, Map<String, Object> train) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("config", Json.toJson(model.config.toMap(), Integer.MAX_VALUE));
        meta.put("train", Json.toJson(train, Integer.MAX_VALUE));
        if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
        Checkpoints.save(file, new LinkedHashMap<>(model.stateDict()), meta);
    }

    @SuppressWarnings("unchecked")
    public static VisionCheckpoint load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException("vision checkpoint not found: " + file + " (train one with `genai vision train --out FILE`)");
        Map<String, String> meta = Checkpoints.metadata(file);
        if (!FORMAT.equals(meta.get("format"))) throw new IllegalArgumentException(file + " is not a genai4j vision checkpoint (metadata 'format' is " + Printable.of(String.valueOf(meta.get("format"))) + ")");
        VisionConfig c;
        try {
            c = VisionConfig.fromMap(Checkpoints.metadataJson(meta, "config", String.valueOf(file)) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": metadata 'config': " + e.getMessage());
        }
        Map<String, Tensor> weights = Checkpoints.load(file);
        VisionModel model = VisionModel.create(c, new Rng(0));
        try {
            model.loadStateDict(weights, true);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
        model.eval();
        Object train = meta.containsKey("train") ? Checkpoints.metadataJson(meta, "train", String.valueOf(file)) : Map.of();
        return new VisionCheckpoint(model, train instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
    }
}
