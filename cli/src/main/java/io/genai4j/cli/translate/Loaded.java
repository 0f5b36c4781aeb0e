package io.genai4j.cli.translate;

import io.genai4j.engine.Rng;
import io.genai4j.models.seq2seq.Seq2Seq;
import io.genai4j.models.seq2seq.Seq2SeqConfig;
import io.genai4j.models.transformer.BundledTransformer;
import io.genai4j.models.transformer.Transformer;
import io.genai4j.models.transformer.TransformerConfig;
import io.genai4j.models.translation.TranslationCheckpoint;
import io.genai4j.models.translation.TranslationModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A translation checkpoint and the model built from it. */
public record Loaded(TranslationCheckpoint checkpoint, TranslationModel model) {
    /**
     * The checkpoint in {@code dir}; without one, runs/KIND when it exists, else (for the
     * Transformer) the small model that ships for the tour, so the commands work on a fresh clone.
     */
    public static TranslationCheckpoint checkpoint(Path dir, String kind) throws IOException {
        Path trained = Path.of("runs", kind);
        if (dir == null && !Files.isRegularFile(trained.resolve("config.json")) && kind.equals("transformer")) {
            TranslationCheckpoint ck = BundledTransformer.checkpoint();
            if (ck != null) {
                System.err.println("(using the small Transformer shipped for the tour; `genai transformer train` makes your own in runs/transformer)");
                return ck;
            }
        }
        return TranslationCheckpoint.load(dir != null ? dir : trained, kind);
    }

    static Loaded of(Path dir, String kind) throws IOException {
        TranslationCheckpoint ck = checkpoint(dir, kind);
        TranslationModel m = switch (kind) {
            case "seq2seq" -> ck.into(new Seq2Seq(Seq2SeqConfig.fromMap(ck.config()), new Rng(0)));
            case "transformer" -> ck.into(new Transformer(TransformerConfig.fromMap(ck.config()), new Rng(0)));
            default -> throw new IllegalArgumentException("unknown model type " + kind);
        };
        return new Loaded(ck, m);
    }

    double trainCpuMinutes() {
        return ck("cpu_minutes");
    }

    private double ck(String key) {
        return checkpoint.train().get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    int trainSteps() {
        return checkpoint.train().get("steps") instanceof Number n ? n.intValue() : -1;
    }

    long parameters() {
        return model.module().numParameters();
    }
}
