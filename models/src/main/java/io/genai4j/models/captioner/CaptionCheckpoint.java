package io.genai4j.models.captioner;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.io.Checkpoints;
import io.genai4j.engine.io.Json;
import io.genai4j.engine.util.Printable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/** A trained captioner in one safetensors file: the weights, and in the metadata its config and how it was trained. */
public record CaptionCheckpoint(Git model, Map<String, Object> train) {
    private static final String FORMAT = "genai4j-captioner";
    /** The small captioner shipped in the models jar (see its model card beside it). */
    public static final String BUNDLED = "/io/genai4j/models/captioner/git-small.safetensors";

    public static void save(Path file, Git model, Map<String, Object> train) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("config", Json.toJson(model.config.toMap(), Integer.MAX_VALUE));
        meta.put("train", Json.toJson(train, Integer.MAX_VALUE));
        if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
        Checkpoints.save(file, new LinkedHashMap<>(model.stateDict()), meta);
    }

    /** The shipped model, copied to a temporary file to be read like any checkpoint; null when this build has none. */
    public static CaptionCheckpoint bundled() throws IOException {
        try (InputStream in = CaptionCheckpoint.class.getResourceAsStream(BUNDLED)) {
            if (in == null) return null;
            Path tmp = Files.createTempFile("git-small", ".safetensors");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                return load(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    @SuppressWarnings("unchecked")
    public static CaptionCheckpoint load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException("captioner checkpoint not found: " + file + " (train one with `genai caption train --out FILE`)");
        Map<String, String> meta = Checkpoints.metadata(file);
        if (!FORMAT.equals(meta.get("format"))) throw new IllegalArgumentException(file + " is not a genai4j captioner checkpoint (metadata 'format' is " + Printable.of(String.valueOf(meta.get("format"))) + ")");
        GitConfig c;
        try {
            c = GitConfig.fromMap(Checkpoints.metadataJson(meta, "config", String.valueOf(file)) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": metadata 'config': " + e.getMessage());
        }
        if (c.vocab() != new CaptionVocabulary().size()) throw new IllegalArgumentException(file + ": metadata 'config' field 'vocab' is " + c.vocab() + ", the caption grammar has " + new CaptionVocabulary().size() + " words");
        Map<String, Tensor> weights = Checkpoints.load(file);
        Git model = new Git(c, new Rng(0));
        try {
            model.loadStateDict(weights, true);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
        model.eval();
        Object train = meta.containsKey("train") ? Checkpoints.metadataJson(meta, "train", String.valueOf(file)) : Map.of();
        return new CaptionCheckpoint(model, train instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
    }
}
