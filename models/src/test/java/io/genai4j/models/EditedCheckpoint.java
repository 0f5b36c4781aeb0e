package io.genai4j.models;

import io.genai4j.engine.io.Checkpoints;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a user who edits a checkpoint's metadata by hand leaves behind, for the tests of the loaders' messages. */
public final class EditedCheckpoint {
    private EditedCheckpoint() {}

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
