package io.genai4j.models.bert.classify;

import io.genai4j.engine.io.Checkpoints;
import io.genai4j.engine.io.SafeTensors;
import io.genai4j.engine.io.SafeTensorsFile;
import io.genai4j.engine.io.TensorInfo;
import io.genai4j.engine.util.Printable;
import io.genai4j.models.train.CheckpointFile;
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
        checkShape(file, kind, meta);
        Head head;
        try {
            head = HeadSpec.fromShape(kind, meta);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
        CheckpointFile.loadStrictly(file, Checkpoints.load(file), head);
        return new HeadFile(head, meta.get("model"), meta.getOrDefault("pooling", "mean"), meta.getOrDefault("labels", "negative,positive").split(","));
    }

    /**
     * The shape metadata must be positive integers, and the head's first matrix (hidden × classes for
     * a linear head, hidden × width otherwise) must fit in the weights the file holds: checked from
     * the header, so an edited "width": "1000000000" is an error message, not an OutOfMemoryError.
     */
    private static void checkShape(Path file, String kind, Map<String, String> meta) throws IOException {
        long hidden = positive(file, meta, "hidden", true), classes = positive(file, meta, "classes", true);
        long width = positive(file, meta, "width", false);
        long present = 0;
        try (SafeTensorsFile f = SafeTensors.open(file)) {
            for (TensorInfo t : f.tensors()) present += t.numel();
        }
        long firstMatrix = hidden * (kind.equals("linear") || width == 0 ? classes : width);
        if (firstMatrix > present) {
            throw new IllegalArgumentException(file + ": metadata hidden " + hidden + ", classes " + classes + (width > 0 ? ", width " + width : "")
                    + " needs at least " + firstMatrix + " weights but the file holds " + present);
        }
    }

    private static long positive(Path file, Map<String, String> meta, String key, boolean required) {
        String v = meta.get(key);
        if (v == null && !required) return 0;
        try {
            int n = Integer.parseInt(v == null ? "" : v.strip());
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(file + ": metadata field '" + key + "' must be a positive integer, got " + (v == null ? "nothing" : Printable.of(v)));
    }
}
