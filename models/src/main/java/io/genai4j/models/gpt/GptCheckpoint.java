package io.genai4j.models.gpt;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.io.AtomicFiles;
import io.genai4j.engine.io.Cache;
import io.genai4j.engine.io.Checkpoints;
import io.genai4j.engine.io.Json;
import io.genai4j.text.CharTokenizer;
import io.genai4j.text.Tokenizer;
import io.genai4j.text.bpe.ByteLevelBpe;
import io.genai4j.text.bpe.Gpt2Files;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained GPT on disk, one directory:
 * <pre>
 *   model.safetensors   weights, nanoGPT names (transformer.h.0.attn.c_attn.weight, ...)
 *   config.json         {"config": {n_layer, ...}, "tokenizer": {...}, "train": {...}}
 *   encoder.json, vocab.bpe   (BPE tokenizers only)
 * </pre>
 * Every file is written atomically, weights before the config that points at them.
 */
public record GptCheckpoint(Gpt model, Tokenizer tokenizer, Map<String, Object> train) {
    public static final String WEIGHTS = "model.safetensors";
    public static final String CONFIG = "config.json";

    public static void save(Path dir, Gpt model, Tokenizer tok, Map<String, Object> train) throws IOException {
        save(dir, model, tok, train, io.genai4j.engine.DType.F32);
    }

    /** As above with the weights stored as F32, F16 or BF16 (loading converts them back to F32). */
    public static void save(Path dir, Gpt model, Tokenizer tok, Map<String, Object> train, io.genai4j.engine.DType weights) throws IOException {
        if (weights != io.genai4j.engine.DType.F32 && weights != io.genai4j.engine.DType.F16 && weights != io.genai4j.engine.DType.BF16) {
            throw new IllegalArgumentException("GPT checkpoints store weights as F32, F16 or BF16, not " + weights);
        }
        Files.createDirectories(dir);
        Map<String, Object> tokInfo = new LinkedHashMap<>();
        tokInfo.put("kind", tok.kind());
        switch (tok) {
            case CharTokenizer c -> {
                List<Object> cps = new ArrayList<>();
                for (int cp : c.codePoints()) cps.add((long) cp);
                tokInfo.put("code_points", cps);
            }
            case ByteLevelBpe b -> Gpt2Files.save(b, dir);
            default -> throw new IllegalArgumentException("cannot save a " + tok.kind() + " tokenizer with a GPT checkpoint");
        }
        Map<String, Tensor> state = new java.util.LinkedHashMap<>();
        for (var e : model.stateDict().entrySet()) state.put(e.getKey(), e.getValue().to(weights));
        Checkpoints.save(dir.resolve(WEIGHTS), state, Map.of("format", "genai4j-gpt"));
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("model_type", "genai4j-gpt");
        cfg.put("config", model.config.toMap());
        cfg.put("tokenizer", tokInfo);
        cfg.put("train", train);
        AtomicFiles.writeString(dir.resolve(CONFIG), Json.toJson(cfg, Integer.MAX_VALUE) + "\n");
    }

    /** Where the shipped tiny-Shakespeare checkpoint lives on the class path. */
    static final String BUNDLED = "/io/genai4j/models/gpt/shakespeare-char/";
    private static final List<String> BUNDLED_FILES = List.of(CONFIG, WEIGHTS, "MODEL_CARD.md");

    /** True when the shipped checkpoint is on the class path. */
    public static boolean hasBundled() {
        return GptCheckpoint.class.getResource(BUNDLED + CONFIG) != null;
    }

    /**
     * The char-level GPT trained on tiny Shakespeare that ships with genai4j (see its MODEL_CARD.md).
     * Its files are copied once from the class path into ~/.cache/genai4j/models (the weights are read
     * through a memory map, which needs a real file) and checked against the jar by SHA-256 on each use.
     */
    public static GptCheckpoint bundled() throws IOException {
        if (!hasBundled()) throw new IllegalStateException("the shipped GPT checkpoint is missing from the class path (" + BUNDLED + ")");
        byte[] config;
        try (var in = GptCheckpoint.class.getResourceAsStream(BUNDLED + CONFIG)) {
            config = in.readAllBytes();
        }
        String key = Integer.toHexString(java.util.Arrays.hashCode(config));
        Path dir = Cache.dir("models").resolve("gpt-shakespeare-char-" + key);
        for (String name : BUNDLED_FILES) Cache.extract(BUNDLED.substring(1) + name, dir, "the genai4j-models jar");
        return load(dir);
    }

    /** The checkpoint in {@code dir}, or the shipped one when {@code dir} is null. */
    public static GptCheckpoint loadOrBundled(Path dir) throws IOException {
        return dir == null ? bundled() : load(dir);
    }

    /** The shipped checkpoint's model card. */
    public static String bundledModelCard() throws IOException {
        try (var in = GptCheckpoint.class.getResourceAsStream(BUNDLED + "MODEL_CARD.md")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    public static GptCheckpoint load(Path dir) throws IOException {
        Path cfgFile = dir.resolve(CONFIG);
        if (!Files.isRegularFile(cfgFile)) {
            throw new NoSuchFileException("not a GPT checkpoint: " + cfgFile + " not found (train one with `genai gpt train --out DIR`)");
        }
        Object parsed;
        try {
            parsed = Json.parse(Files.readString(cfgFile, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(cfgFile + ": not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> root) || !(root.get("config") instanceof Map<?, ?> c) || !(root.get("tokenizer") instanceof Map<?, ?> t)) {
            throw new IllegalArgumentException(cfgFile + ": expected an object with \"config\" and \"tokenizer\"");
        }
        GptConfig config = GptConfig.fromMap((Map<String, Object>) c, cfgFile.toString());
        Tokenizer tok = tokenizer((Map<String, Object>) t, dir, cfgFile);
        if (tok.vocabSize() > config.vocabSize()) {
            throw new IllegalArgumentException(cfgFile + ": tokenizer has " + tok.vocabSize() + " tokens but vocab_size is " + config.vocabSize());
        }
        Gpt model = new Gpt(config, new Rng(0));
        Map<String, Tensor> weights = Checkpoints.load(dir.resolve(WEIGHTS));
        try {
            model.loadStateDict(weights, true);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(dir.resolve(WEIGHTS) + ": " + e.getMessage());
        }
        Map<String, Object> train = root.get("train") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        return new GptCheckpoint(model, tok, train);
    }

    private static Tokenizer tokenizer(Map<String, Object> t, Path dir, Path cfgFile) throws IOException {
        Object kind = t.get("kind");
        if ("char".equals(kind)) {
            if (!(t.get("code_points") instanceof List<?> l)) throw new IllegalArgumentException(cfgFile + ": char tokenizer without code_points");
            int[] cps = new int[l.size()];
            for (int i = 0; i < cps.length; i++) {
                if (!(l.get(i) instanceof Number n)) throw new IllegalArgumentException(cfgFile + ": code_points[" + i + "] is not a number");
                cps[i] = n.intValue();
            }
            return CharTokenizer.of(cps);
        }
        if ("bpe".equals(kind)) return Gpt2Files.load(dir);
        throw new IllegalArgumentException(cfgFile + ": unknown tokenizer kind " + kind + " (expected char or bpe)");
    }
}
