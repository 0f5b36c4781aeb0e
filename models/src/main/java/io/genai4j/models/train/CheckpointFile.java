package io.genai4j.models.train;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.io.Checkpoints;
import io.genai4j.engine.io.Json;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.util.Printable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A trained model in one safetensors file: the weights, and in the metadata a {@code format} tag
 * naming the kind of model, its {@code config} and how it was trained ({@code train}), both JSON.
 * The vision classifiers and the captioner are stored this way, and the generative models'
 * {@code ModelFile} writes the same layout through {@link #save}.
 */
public record CheckpointFile(Path file, Map<String, Object> config, Map<String, Tensor> weights, Map<String, Object> train) {
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
        return new CheckpointFile(file, config, Checkpoints.load(file), train);
    }

    /** The config as {@code parse} (a config record's fromMap) reads it; a value it refuses is named as this file's metadata 'config'. */
    public <C> C config(Function<Map<String, Object>, C> parse) {
        try {
            return parse.apply(config);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": metadata 'config': " + e.getMessage());
        }
    }

    /** The model built from the config, with these weights loaded strictly (see {@link #loadStrictly}). */
    public <M extends Module> M into(M model) {
        return loadStrictly(file, weights, model);
    }

    /**
     * Loads the weights into the model, every tensor by name and shape (a missing, extra or misshapen
     * one names the file), and puts it in eval mode.
     */
    public static <M extends Module> M loadStrictly(Path file, Map<String, Tensor> weights, M model) {
        model.loadStateDict(weights, String.valueOf(file));
        model.eval();
        return model;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object json) {
        return json instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
