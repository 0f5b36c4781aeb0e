package io.genai4j.cli.seq2seq;

import io.genai4j.cli.translate.TranslationTrain;
import io.genai4j.engine.Rng;
import io.genai4j.engine.optim.LrSchedule;
import io.genai4j.models.seq2seq.Seq2Seq;
import io.genai4j.models.seq2seq.Seq2SeqConfig;
import io.genai4j.models.translation.SharedVocab;
import io.genai4j.models.translation.TranslationModel;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code genai seq2seq train}: a bidirectional GRU/LSTM encoder and an attentional decoder, teacher forcing, Adam, clipping. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the RNN encoder-decoder with attention on English-French pairs within a CPU-time budget.",
                "Data: Tatoeba pairs from www.manythings.org/anki and tatoeba.org (CC BY 2.0)."})
public final class Seq2SeqTrain extends TranslationTrain {
    @Option(names = "--cell", defaultValue = "gru", description = "gru or lstm (default ${DEFAULT-VALUE}).") String cell;
    @Option(names = "--attention", defaultValue = "bahdanau", description = "bahdanau (additive) or luong (dot) (default ${DEFAULT-VALUE}).") String attention;
    @Option(names = "--embed", defaultValue = "256", description = "Embedding width (default ${DEFAULT-VALUE}).") int embed;
    @Option(names = "--hidden", defaultValue = "256", description = "Hidden width per direction (default ${DEFAULT-VALUE}).") int hidden;
    @Option(names = "--layers", defaultValue = "1", description = "Stacked recurrent layers (default ${DEFAULT-VALUE}).") int layers;
    @Option(names = "--dropout", defaultValue = "0.1", description = "Dropout (default ${DEFAULT-VALUE}).") float dropout;
    @Option(names = "--lr", defaultValue = "1e-3", description = "Adam learning rate (default ${DEFAULT-VALUE}).") double lr;
    @Option(names = "--label-smoothing", defaultValue = "0", description = "Label smoothing (default ${DEFAULT-VALUE}).") float labelSmoothing;

    @Override
    protected String kind() {
        return "seq2seq";
    }

    @Override
    protected TranslationModel build(SharedVocab vocab, Rng rng) {
        return new Seq2Seq(new Seq2SeqConfig(cell, attention, vocab.size(), embed, hidden, layers, dropout), rng);
    }

    @Override
    protected LrSchedule schedule() {
        return LrSchedule.constant(lr);
    }

    @Override
    protected double beta2() {
        return 0.999;
    }

    @Override
    protected double eps() {
        return 1e-8;
    }

    @Override
    protected float labelSmoothing() {
        return labelSmoothing;
    }

    @Override
    protected String describe(TranslationModel m) {
        Seq2SeqConfig c = ((Seq2Seq) m).config;
        return String.format(Locale.ROOT, "bidirectional %s encoder + %s decoder with %s attention, %d layer(s), embed %d, hidden %d",
                c.cell().toUpperCase(Locale.ROOT), c.cell().toUpperCase(Locale.ROOT), c.attention(), c.layers(), c.embed(), c.hidden());
    }
}
