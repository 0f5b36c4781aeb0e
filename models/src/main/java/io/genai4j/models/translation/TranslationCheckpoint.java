package io.genai4j.models.translation;

import io.genai4j.engine.DType;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.util.AtomicFiles;
import io.genai4j.engine.io.CheckpointDir;
import io.genai4j.engine.io.Checkpoints;
import io.genai4j.engine.io.Json;
import io.genai4j.text.bpe.Gpt2Files;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained translation model on disk, one directory:
 * <pre>
 *   model.safetensors       weights by module name
 *   config.json             {"model_type", "config", "data", "train", "attribution"}
 *   encoder.json, vocab.bpe the shared BPE vocabulary
 *   checkpoint.json         the manifest: step, size and SHA-256 of every file above
 * </pre>
 * The files are saved as one unit through {@link CheckpointDir} and a folder whose files do not
 * match its manifest is refused; folders saved before the manifest existed load as they are.
 */
public record TranslationCheckpoint(String kind, Map<String, Object> config, Map<String, Object> data, Map<String, Object> train,
                                    Map<String, Tensor> weights, SharedVocab vocab) {
    public static final String WEIGHTS = "model.safetensors", CONFIG = "config.json";

    public static void save(Path dir, TranslationModel model, SharedVocab vocab, Map<String, Object> data, Map<String, Object> train) throws IOException {
        save(dir, model, vocab, data, train, false);
    }

    /** With half, the weights are stored as F16 (half the file; loading converts back to F32). */
    public static void save(Path dir, TranslationModel model, SharedVocab vocab, Map<String, Object> data, Map<String, Object> train, boolean half) throws IOException {
        try (CheckpointDir c = CheckpointDir.begin(dir)) {
            vocab.save(c.staging());
            Map<String, Tensor> weights = new LinkedHashMap<>();
            for (var e : model.module().stateDict().entrySet()) weights.put(e.getKey(), half ? e.getValue().to(DType.F16) : e.getValue());
            Checkpoints.save(c.file(WEIGHTS), weights, Map.of("format", "genai4j-" + model.kind()));
            Map<String, Object> cfg = new LinkedHashMap<>();
            cfg.put("model_type", model.kind());
            cfg.put("config", model.config());
            cfg.put("data", data);
            cfg.put("train", train);
            cfg.put("attribution", ParallelCorpus.ATTRIBUTION);
            AtomicFiles.writeString(c.file(CONFIG), Json.toJson(cfg, Integer.MAX_VALUE) + "\n");
            c.commit(train.get("steps") instanceof Number n ? Math.max(0, n.longValue()) : 0);
        }
    }

    @SuppressWarnings("unchecked")
    public static TranslationCheckpoint load(Path dir, String expectedKind) throws IOException {
        Path cfgFile = dir.resolve(CONFIG);
        if (Files.isDirectory(dir)) CheckpointDir.verify(dir);   // a mixed set of files is refused here
        if (!Files.isRegularFile(cfgFile)) {
            throw new NoSuchFileException("not a " + expectedKind + " checkpoint: " + cfgFile + " not found (train one with `genai " + expectedKind + " train --out DIR`)");
        }
        Object parsed;
        try {
            parsed = Json.parse(Files.readString(cfgFile, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(cfgFile + ": not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> root) || !(root.get("config") instanceof Map<?, ?> c)) {
            throw new IllegalArgumentException(cfgFile + ": expected an object with \"model_type\" and \"config\"");
        }
        Object kind = root.get("model_type");
        if (!expectedKind.equals(kind)) throw new IllegalArgumentException(dir + " holds a " + kind + " model, not a " + expectedKind + " model");
        Map<String, Object> data = root.get("data") instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of();
        Map<String, Object> train = root.get("train") instanceof Map<?, ?> t ? (Map<String, Object>) t : Map.of();
        return new TranslationCheckpoint(expectedKind, (Map<String, Object>) c, data, train, Checkpoints.load(dir.resolve(WEIGHTS)), SharedVocab.load(dir));
    }

    /**
     * A checkpoint shipped inside the jar as resources next to {@code anchor} (config.json,
     * model.safetensors, encoder.json, vocab.bpe under {@code folder}), or null when absent.
     */
    public static TranslationCheckpoint bundled(Class<?> anchor, String folder, String kind) throws IOException {
        if (anchor.getResource(folder + "/" + CONFIG) == null) return null;
        Path tmp = Files.createTempDirectory("genai4j-" + kind);
        try {
            for (String f : new String[] {CONFIG, WEIGHTS, Gpt2Files.ENCODER, Gpt2Files.MERGES}) {
                try (var in = anchor.getResourceAsStream(folder + "/" + f)) {
                    if (in == null) throw new IllegalStateException("bundled " + kind + " model lacks " + f);
                    Files.write(tmp.resolve(f), in.readAllBytes());
                }
            }
            return load(tmp, kind);
        } finally {
            try (var files = Files.list(tmp)) {
                for (Path p : files.toList()) Files.deleteIfExists(p);
            }
            Files.deleteIfExists(tmp);
        }
    }

    /** Loads the weights into a model built from {@link #config()}. */
    public <M extends TranslationModel> M into(M model) {
        model.module().loadStateDict(weights, WEIGHTS);
        model.module().eval();
        return model;
    }
}
