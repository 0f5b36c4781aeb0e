package io.genai4j.models.train;

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

/**
 * A trained model in one safetensors file: the weights, and in the metadata a {@code format} tag
 * naming the kind of model, its {@code config} and how it was trained ({@code train}), both JSON.
 * The vision classifiers and the captioner are stored this way.
 */
public record CheckpointFile(Map<String, Object> config, Map<String, Tensor> weights, Map<String, Object> train) {
    public static void save(Path file, String format, Map<String, Object> config, Map<String, Tensor> state, Map<String, Object> train) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", format);
        meta.put("config", Json.toJson(config, Integer.MAX_VALUE));
        meta.put("train", Json.toJson(train, Integer.MAX_VALUE));
        if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
        Checkpoints.save(file, new LinkedHashMap<>(state), meta);
    }

    /** Reads a file saved with {@code format}; {@code what} ("vision", "captioner") and {@code howToMake} go into the error messages. */
    public static CheckpointFile read(Path file, String format, String what, String howToMake) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(what + " checkpoint not found: " + file + " (" + howToMake + ")");
        Map<String, String> meta = Checkpoints.metadata(file);
        if (!format.equals(meta.get("format"))) {
            throw new IllegalArgumentException(file + " is not a genai4j " + what + " checkpoint (metadata 'format' is " + Printable.of(String.valueOf(meta.get("format"))) + ")");
        }
        Map<String, Object> config = map(Checkpoints.metadataJson(meta, "config", String.valueOf(file)));
        Map<String, Object> train = meta.containsKey("train") ? map(Checkpoints.metadataJson(meta, "train", String.valueOf(file))) : Map.of();
        return new CheckpointFile(config, Checkpoints.load(file), train);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object json) {
        return json instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
