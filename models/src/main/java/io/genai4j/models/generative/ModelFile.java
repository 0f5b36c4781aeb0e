package io.genai4j.models.generative;

import io.genai4j.engine.io.Checkpoints;
import io.genai4j.engine.io.Json;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.util.Printable;
import io.genai4j.models.train.CheckpointFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * A generative model in one safetensors file: its weights by module name, and in the metadata a
 * format tag, its config and how it was trained (both JSON), the layout of {@link CheckpointFile}.
 * One reader and writer for the VAE, the GAN and the diffusion models; a bad file is a one-line
 * error naming the file and the field.
 */
public final class ModelFile {
    /** What a file holds besides the weights. */
    public record Header(Map<String, Object> config, Map<String, Object> train) {}

    private ModelFile() {}

    public static void save(Path file, String format, Module model, Map<String, Object> config, Map<String, Object> train) throws IOException {
        CheckpointFile.save(file, format, config, model.stateDict(), train);
    }

    /**
     * Reads a file of the given format: {@code build} makes the model from the config map (and may
     * throw IllegalArgumentException naming a field), then the weights are loaded strictly.
     */
    public static <M extends Module> M load(Path file, String format, String trainHint, Function<Header, M> build) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(format + " file not found: " + file + " (" + trainHint + ")");
        Map<String, String> meta = Checkpoints.metadata(file);
        if (!format.equals(meta.get("format"))) {
            throw new IllegalArgumentException(file + " is not a " + format + " file (metadata 'format' is " + Printable.of(String.valueOf(meta.get("format"))) + ")");
        }
        M model;
        try {
            model = build.apply(header(file, meta));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": metadata 'config': " + e.getMessage());
        }
        return CheckpointFile.loadStrictly(file, Checkpoints.load(file), model);
    }

    /** The config and training metadata of a file already known to be of its format. */
    public static Header header(Path file) throws IOException {
        return header(file, Checkpoints.metadata(file));
    }

    private static Header header(Path file, Map<String, String> meta) {
        return new Header(map(meta, "config", file), meta.containsKey("train") ? map(meta, "train", file) : Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, String> meta, String key, Path file) {
        String v = meta.get(key);
        if (v == null) throw new IllegalArgumentException(file + ": metadata field '" + key + "' is missing");
        Object o;
        try {
            o = Json.parse(v);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": metadata field '" + key + "' is not valid JSON: " + Printable.of(String.valueOf(e.getMessage())));
        }
        if (!(o instanceof Map<?, ?> m)) throw new IllegalArgumentException(file + ": metadata field '" + key + "' is not a JSON object");
        return (Map<String, Object>) m;
    }
}
