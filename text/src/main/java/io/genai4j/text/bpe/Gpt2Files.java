package io.genai4j.text.bpe;

import io.genai4j.engine.util.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * GPT-2's two tokenizer files: {@code encoder.json} (a JSON object token → id) and {@code vocab.bpe}
 * (a {@code #version} line, then one merge {@code "left right"} per line, in rank order). A BPE trained
 * here is written in the same format, so either kind loads the same way.
 */
public final class Gpt2Files {
    public static final String ENCODER = "encoder.json";
    public static final String MERGES = "vocab.bpe";

    private Gpt2Files() {}

    public static ByteLevelBpe load(Path dir) throws IOException {
        Path enc = dir.resolve(ENCODER), bpe = dir.resolve(MERGES);
        for (Path p : List.of(enc, bpe)) {
            if (!Files.isRegularFile(p)) throw new NoSuchFileException("BPE file not found: " + p);
        }
        Map<String, Integer> vocab = JsonStringIntMap.parse(Files.readString(enc, StandardCharsets.UTF_8));
        List<String[]> merges = new ArrayList<>();
        List<String> lines = Files.readAllLines(bpe, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || (i == 0 && line.startsWith("#version"))) continue;
            String[] pair = line.split(" ");
            if (pair.length != 2) throw new IOException(bpe + " line " + (i + 1) + ": expected two tokens, got '" + line + "'");
            merges.add(pair);
        }
        try {
            return new ByteLevelBpe(vocab, merges);
        } catch (IllegalArgumentException e) {
            throw new IOException(dir + ": " + e.getMessage(), e);
        }
    }

    /** Writes both files into {@code dir} (each via a temporary file and a rename). */
    public static void save(ByteLevelBpe bpe, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<Integer, String> byId = new TreeMap<>();
        bpe.vocabulary().forEach((t, id) -> byId.put(id, t));
        StringBuilder json = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<Integer, String> e : byId.entrySet()) {
            if (!first) json.append(", ");
            first = false;
            JsonStringIntMap.quote(e.getValue(), json);
            json.append(": ").append(e.getKey());
        }
        json.append('}');
        AtomicFiles.writeString(dir.resolve(ENCODER), json.toString());
        StringBuilder merges = new StringBuilder("#version: 0.2\n");
        for (String[] m : bpe.merges()) merges.append(m[0]).append(' ').append(m[1]).append('\n');
        AtomicFiles.writeString(dir.resolve(MERGES), merges.toString());
    }
}
