package io.genai4j.models.captioner;

import io.genai4j.engine.Rng;
import io.genai4j.models.train.CheckpointFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** A trained captioner in one safetensors file: the weights, and in the metadata its config and how it was trained. */
public record CaptionCheckpoint(Git model, Map<String, Object> train) {
    private static final String FORMAT = "genai4j-captioner";
    /** The small captioner shipped in the models jar (see its model card beside it). */
    public static final String BUNDLED = "/io/genai4j/models/captioner/git-small.safetensors";

    public static void save(Path file, Git model, Map<String, Object> train) throws IOException {
        CheckpointFile.save(file, FORMAT, model.config.toMap(), model.stateDict(), train);
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

    public static CaptionCheckpoint load(Path file) throws IOException {
        CheckpointFile f = CheckpointFile.read(file, FORMAT, "captioner", "train one with `genai caption train --out FILE`");
        GitConfig c = f.config(GitConfig::fromMap);
        int words = new CaptionVocabulary().size();
        if (c.vocab() != words) throw new IllegalArgumentException(file + ": metadata 'config' field 'vocab' is " + c.vocab() + ", the caption grammar has " + words + " words");
        return new CaptionCheckpoint(f.into(new Git(c, new Rng(0))), f.train());
    }
}
