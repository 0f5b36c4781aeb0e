package io.genai4j.models.rnn;

import io.genai4j.engine.DType;
import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.io.Checkpoints;
import io.genai4j.engine.io.Json;
import io.genai4j.text.CharTokenizer;
import io.genai4j.text.CodePointList;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A trained char RNN in one safetensors file: the weights (F32, or F16 to halve a shipped file) and,
 * in the metadata, the config, the character set and how it was trained (JSON strings).
 */
public record CharRnnCheckpoint(CharRnn model, CharTokenizer chars, Map<String, Object> train) {
    /** The checkpoint that ships with genai4j: trained on tiny Shakespeare's training split. */
    public static final String BUNDLED = "lstm-shakespeare-char.safetensors";

    public static void save(Path file, CharRnn model, CharTokenizer chars, Map<String, Object> train, boolean half) throws IOException {
        Map<String, Tensor> weights = new LinkedHashMap<>();
        for (var e : model.stateDict().entrySet()) weights.put(e.getKey(), half ? e.getValue().to(DType.F16) : e.getValue());
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "genai4j-char-rnn");
        meta.put("config", Json.toJson(model.config.toMap(), Integer.MAX_VALUE));
        meta.put("code_points", Json.toJson(Arrays.stream(chars.codePoints()).boxed().toList(), Integer.MAX_VALUE));
        meta.put("train", Json.toJson(train, Integer.MAX_VALUE));
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        Checkpoints.save(file, weights, meta);
    }

    public static CharRnnCheckpoint load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException("char RNN checkpoint not found: " + file + " (train one with `genai rnn train --out FILE`)");
        return of(Checkpoints.load(file), Checkpoints.metadata(file), file.toString());
    }

    /** The bundled Shakespeare LSTM, or null when the jar has none. */
    public static CharRnnCheckpoint bundled() throws IOException {
        try (InputStream in = CharRnnCheckpoint.class.getResourceAsStream(BUNDLED)) {
            if (in == null) return null;
            Path tmp = Files.createTempFile("genai4j-lstm", ".safetensors");
            try {
                Files.write(tmp, in.readAllBytes());
                return of(Checkpoints.load(tmp), Checkpoints.metadata(tmp), BUNDLED);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Reads the metadata with errors naming the file and field (it may have been edited), then the weights. */
    @SuppressWarnings("unchecked")
    private static CharRnnCheckpoint of(Map<String, Tensor> weights, Map<String, String> meta, String name) {
        if (!"genai4j-char-rnn".equals(meta.get("format"))) throw new IllegalArgumentException(name + " is not a genai4j char RNN checkpoint");
        CharRnnConfig c;
        try {
            c = CharRnnConfig.fromMap(Checkpoints.metadataJson(meta, "config", name) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(), name + ": metadata 'config'");
        } catch (ClassCastException e) {
            throw new IllegalArgumentException(name + ": metadata 'config' is not a JSON object with string names");
        }
        int[] points = CodePointList.parse(Checkpoints.metadataJson(meta, "code_points", name), name, "code_points");
        if (points.length != c.vocab()) {
            throw new IllegalArgumentException(name + ": field 'code_points' has " + points.length + " entries but the config's vocab_size is " + c.vocab());
        }
        checkSizes(c, weights, name);
        CharRnn model = new CharRnn(c, new Rng(0));
        model.loadStateDict(weights, name);
        model.eval();
        Object train = meta.containsKey("train") ? Checkpoints.metadataJson(meta, "train", name) : Map.of();
        return new CharRnnCheckpoint(model, CharTokenizer.of(points), train instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
    }

    /**
     * Any RNN of this config holds at least the embedding (vocab × embed) and one hidden × hidden
     * recurrent matrix per layer: more than the file holds means edited metadata, refused before
     * the model is allocated (hidden 1e6 would otherwise be an OutOfMemoryError).
     */
    private static void checkSizes(CharRnnConfig c, Map<String, Tensor> weights, String name) {
        long present = 0;
        for (Tensor t : weights.values()) present += t.numel();
        double atLeast = (double) c.vocab() * c.embed() + (double) c.layers() * c.hidden() * c.hidden();
        if (atLeast > present) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: metadata 'config' (vocab_size %d, embed %d, hidden %d, layers %d) needs at least %,.0f weights but the file holds %,d",
                    name, c.vocab(), c.embed(), c.hidden(), c.layers(), atLeast, present));
        }
    }
}
