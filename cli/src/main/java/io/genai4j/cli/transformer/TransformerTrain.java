package io.genai4j.cli.transformer;

import io.genai4j.cli.translate.TranslationTrain;
import io.genai4j.engine.Rng;
import io.genai4j.engine.optim.LrSchedule;
import io.genai4j.models.transformer.Transformer;
import io.genai4j.models.transformer.TransformerConfig;
import io.genai4j.models.translation.SharedVocab;
import io.genai4j.models.translation.TranslationModel;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code genai transformer train}: the paper's recipe at a CPU size — Adam (β1 0.9, β2 0.98, ε 1e-9),
 * lrate = factor · d_model^−0.5 · min(step^−0.5, step · warmup^−1.5), label smoothing 0.1, dropout 0.1.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the encoder-decoder Transformer on English-French pairs within a CPU-time budget.",
                "Data: Tatoeba pairs from www.manythings.org/anki and tatoeba.org (CC BY 2.0)."})
public final class TransformerTrain extends TranslationTrain {
    @Option(names = "--layers", defaultValue = "2", description = "Layers N in each stack (default ${DEFAULT-VALUE}; the paper: 6).") int layers;
    @Option(names = "--d-model", defaultValue = "256", description = "d_model (default ${DEFAULT-VALUE}; the paper: 512).") int dModel;
    @Option(names = "--heads", defaultValue = "8", description = "Attention heads h (default ${DEFAULT-VALUE}, as in the paper).") int heads;
    @Option(names = "--d-ff", defaultValue = "1024", description = "Feed-forward width d_ff (default ${DEFAULT-VALUE}; the paper: 2048).") int dFf;
    @Option(names = "--dropout", defaultValue = "0.1", description = "P_drop (default ${DEFAULT-VALUE}, as in the paper).") float dropout;
    @Option(names = "--max-len", defaultValue = "128", description = "Positions in the sinusoid table (default ${DEFAULT-VALUE}).") int maxLen;
    @Option(names = "--warmup", defaultValue = "400", description = "Warm-up steps of the learning-rate schedule (default ${DEFAULT-VALUE}; the paper: 4000).") int warmup;
    @Option(names = "--lr-factor", defaultValue = "0.5", description = "Factor on the paper's learning rate (default ${DEFAULT-VALUE}: a peak of 1.6e-3 at step 400 for d_model 256).") double lrFactor;
    @Option(names = "--label-smoothing", defaultValue = "0.1", description = "ε_ls (default ${DEFAULT-VALUE}, as in the paper).") float labelSmoothing;

    @Override
    protected String kind() {
        return "transformer";
    }

    @Override
    protected TranslationModel build(SharedVocab vocab, Rng rng) {
        return new Transformer(new TransformerConfig(vocab.size(), layers, dModel, heads, dFf, dropout, maxLen), rng);
    }

    @Override
    protected LrSchedule schedule() {
        if (warmup < 1) throw new IllegalArgumentException("--warmup must be >= 1, got " + warmup);
        return LrSchedule.inverseSqrt(dModel, warmup, lrFactor);
    }

    @Override
    protected double beta2() {
        return 0.98;
    }

    @Override
    protected double eps() {
        return 1e-9;
    }

    @Override
    protected float labelSmoothing() {
        return labelSmoothing;
    }

    @Override
    protected String describe(TranslationModel m) {
        TransformerConfig c = ((Transformer) m).config;
        return String.format(Locale.ROOT, "N=%d, d_model=%d, h=%d, d_ff=%d, dropout %.2f, warmup %d (peak lr %.2e)",
                c.layers(), c.dModel(), c.heads(), c.dFf(), c.dropout(), warmup, schedule().lr(warmup - 1));
    }
}
