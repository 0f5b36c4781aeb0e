package io.genai4j.models;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.genai4j.engine.io.Checkpoints;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a user who edits a checkpoint's metadata by hand leaves behind, for the tests of the loaders' messages. */
public final class EditedCheckpoint {
    private EditedCheckpoint() {}

    /** A checkpoint loader under test, e.g. {@code HeadFile::load}. */
    @FunctionalInterface
    public interface Loader {
        Object load(Path file) throws Exception;
    }

    /** The one-line error {@code loader} must give for the checkpoint with the field edited (see {@link #withField}). */
    public static IllegalArgumentException refused(Loader loader, Path file, String key, String value) throws IOException {
        Path edited = withField(file, key, value);
        return assertThrows(IllegalArgumentException.class, () -> loader.load(edited));
    }

    /**
     * A copy of the safetensors checkpoint, written next to it as edited.safetensors, with the same
     * weights and the metadata field {@code key} set to {@code value} (removed when value is null).
     */
    public static Path withField(Path file, String key, String value) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>(Checkpoints.metadata(file));
        if (value == null) meta.remove(key);
        else meta.put(key, value);
        Path edited = file.resolveSibling("edited.safetensors");
        Checkpoints.save(edited, Checkpoints.load(file), meta);
        return edited;
    }
}
