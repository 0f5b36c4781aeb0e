package io.genai4j.models.bert.classify;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.io.Checkpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained head as safetensors: its parameters and buffers by name, and in the metadata the head
 * kind, its shape, the encoder it was trained on and the class names.
 */
public record HeadFile(Head head, String model, String pooling, String[] labels) {

    public void save(Path file) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>(head.shape());
        meta.put("head", head.kind());
        meta.put("model", model);
        meta.put("pooling", pooling);
        meta.put("labels", String.join(",", labels));
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Checkpoints.save(file, head.stateDict(), meta);
    }

    public static HeadFile load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("no head file " + file + " (train one with: genai bert classify train --out " + file + ")");
        Map<String, String> meta = Checkpoints.metadata(file);
        String kind = meta.get("head");
        if (kind == null || meta.get("model") == null) throw new IllegalArgumentException(file + " is not a genai4j BERT head (no head/model metadata)");
        Head head = HeadSpec.fromShape(kind, meta);
        Map<String, Tensor> state = Checkpoints.load(file);
        head.loadStateDict(state, true);
        head.eval();
        return new HeadFile(head, meta.get("model"), meta.getOrDefault("pooling", "mean"), meta.getOrDefault("labels", "negative,positive").split(","));
    }
}
