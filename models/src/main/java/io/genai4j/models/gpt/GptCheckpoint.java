package io.genai4j.models.gpt;

import io.genai4j.engine.DType;
import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.util.AtomicFiles;
import io.genai4j.engine.util.Cache;
import io.genai4j.engine.io.CheckpointDir;
import io.genai4j.engine.io.Checkpoints;
import io.genai4j.engine.io.SafeTensors;
import io.genai4j.engine.io.SafeTensorsFile;
import io.genai4j.engine.io.TensorInfo;
import io.genai4j.engine.io.Json;
import io.genai4j.engine.util.Printable;
import io.genai4j.text.CharTokenizer;
import io.genai4j.text.CodePointList;
import io.genai4j.text.Tokenizer;
import io.genai4j.text.bpe.ByteLevelBpe;
import io.genai4j.text.bpe.Gpt2Files;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A trained GPT on disk, one directory:
 * <pre>
 *   model.safetensors   weights, nanoGPT names (transformer.h.0.attn.c_attn.weight, ...)
 *   config.json         {"config": {n_layer, ...}, "tokenizer": {...}, "train": {...}}
 *   encoder.json, vocab.bpe   (BPE tokenizers only)
 *   optimizer.safetensors     (written by GptTrainer, for --resume)
 *   checkpoint.json           the manifest: iteration, size and SHA-256 of every file above
 * </pre>
 * The files are saved as one unit through {@link CheckpointDir} (a kill at any moment leaves the
 * previous checkpoint or the new one) and a set that does not match its manifest is refused. Folders
 * saved before the manifest existed load as they are.
 */
public record GptCheckpoint(Gpt model, Tokenizer tokenizer, Map<String, Object> train) {
    public static final String WEIGHTS = "model.safetensors";
    public static final String CONFIG = "config.json";

    public static void save(Path dir, Gpt model, Tokenizer tok, Map<String, Object> train) throws IOException {
        save(dir, model, tok, train, DType.F32);
    }

    /** As above with the weights stored as F32, F16 or BF16 (loading converts them back to F32). */
    public static void save(Path dir, Gpt model, Tokenizer tok, Map<String, Object> train, DType weights) throws IOException {
        try (CheckpointDir c = CheckpointDir.begin(dir)) {
            writeInto(c, model, tok, train, weights);
            c.commit(iteration(train));
        }
    }

    /** The iteration a checkpoint's train info names (0 when it names none). */
    static long iteration(Map<String, Object> train) {
        return train.get("iter") instanceof Number n ? Math.max(0, n.longValue()) : 0;
    }

    /** Writes the model's files into a checkpoint being saved (the caller adds its own and commits). */
    static void writeInto(CheckpointDir c, Gpt model, Tokenizer tok, Map<String, Object> train, DType weights) throws IOException {
        if (weights != DType.F32 && weights != DType.F16 && weights != DType.BF16) {
            throw new IllegalArgumentException("GPT checkpoints store weights as F32, F16 or BF16, not " + weights);
        }
        Map<String, Object> tokInfo = new LinkedHashMap<>();
        tokInfo.put("kind", tok.kind());
        switch (tok) {
            case CharTokenizer ct -> {
                List<Object> cps = new ArrayList<>();
                for (int cp : ct.codePoints()) cps.add((long) cp);
                tokInfo.put("code_points", cps);
            }
            case ByteLevelBpe b -> Gpt2Files.save(b, c.staging());
            default -> throw new IllegalArgumentException("cannot save a " + tok.kind() + " tokenizer with a GPT checkpoint");
        }
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (var e : model.stateDict().entrySet()) state.put(e.getKey(), e.getValue().to(weights));
        Checkpoints.save(c.file(WEIGHTS), state, Map.of("format", "genai4j-gpt"));
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("model_type", "genai4j-gpt");
        cfg.put("config", model.config.toMap());
        cfg.put("tokenizer", tokInfo);
        cfg.put("train", train);
        AtomicFiles.writeString(c.file(CONFIG), Json.toJson(cfg, Integer.MAX_VALUE) + "\n");
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
        String key = Integer.toHexString(Arrays.hashCode(config));
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

    public static GptCheckpoint load(Path dir) throws IOException {
        Path cfgFile = dir.resolve(CONFIG);
        if (!Files.isRegularFile(cfgFile) && !Files.isRegularFile(dir.resolve(CheckpointDir.MANIFEST))) {
            throw new NoSuchFileException("not a GPT checkpoint: " + cfgFile + " not found (train one with `genai gpt train --out DIR`)");
        }
        CheckpointDir.verify(dir);
        Parsed p = parse(dir);
        Path weightsFile = dir.resolve(WEIGHTS);
        checkSizes(p.config(), weightsFile, cfgFile);
        Gpt model = new Gpt(p.config(), new Rng(0));
        model.loadStateDict(Checkpoints.load(weightsFile), String.valueOf(weightsFile));
        return new GptCheckpoint(model, p.tokenizer(), p.train());
    }

    /** config.json read and checked, before any weight is touched. */
    record Parsed(GptConfig config, Tokenizer tokenizer, Map<String, Object> train) {}

    @SuppressWarnings("unchecked")
    static Parsed parse(Path dir) throws IOException {
        Path cfgFile = dir.resolve(CONFIG);
        if (!Files.isRegularFile(cfgFile)) throw new NoSuchFileException("not a GPT checkpoint: " + cfgFile + " not found");
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
        if (tok.vocabSize() != config.vocabSize()) {
            String what = tok instanceof CharTokenizer ? "field 'tokenizer.code_points' has " + tok.vocabSize() + " entries"
                    : "the " + tok.kind() + " tokenizer has " + tok.vocabSize() + " tokens";
            throw new IllegalArgumentException(cfgFile + ": " + what + " but field 'config.vocab_size' is " + config.vocabSize() + " (one token per row of wte)");
        }
        Map<String, Object> train = root.get("train") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        return new Parsed(config, tok, train);
    }

    /**
     * The weights file must hold exactly the number of weights the config declares: checked from the
     * safetensors header alone, so a config.json with n_layer 1e6 fails here instead of allocating.
     */
    private static void checkSizes(GptConfig config, Path weightsFile, Path cfgFile) throws IOException {
        if (!Files.isRegularFile(weightsFile)) throw new NoSuchFileException("GPT checkpoint without weights: " + weightsFile + " not found");
        long present = 0;
        try (SafeTensorsFile f = SafeTensors.open(weightsFile)) {
            for (TensorInfo info : f.tensors()) present += info.numel();
        }
        double declared = config.parameterCount();
        if (declared != present) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: field 'config' (n_layer %d, n_head %d, n_embd %d, block_size %d, vocab_size %d, bias %s) declares %,.0f weights but %s holds %,d",
                    cfgFile, config.nLayer(), config.nHead(), config.nEmbd(), config.blockSize(), config.vocabSize(), config.bias(),
                    declared, weightsFile.getFileName(), present));
        }
    }

    private static Tokenizer tokenizer(Map<String, Object> t, Path dir, Path cfgFile) throws IOException {
        Object kind = t.get("kind");
        if ("char".equals(kind)) return CharTokenizer.of(CodePointList.parse(t.get("code_points"), cfgFile.toString(), "tokenizer.code_points"));
        if ("bpe".equals(kind)) return Gpt2Files.load(dir);
        throw new IllegalArgumentException(cfgFile + ": unknown tokenizer kind " + Printable.of(String.valueOf(kind)) + " (expected char or bpe)");
    }
}
