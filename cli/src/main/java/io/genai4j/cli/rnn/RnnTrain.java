package io.genai4j.cli.rnn;

import io.genai4j.cli.CorpusOption;
import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.SeedOption;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.engine.Rng;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.util.Progress;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.rnn.CharRnn;
import io.genai4j.models.rnn.CharRnnCheckpoint;
import io.genai4j.models.rnn.CharRnnConfig;
import io.genai4j.models.rnn.CharRnnEvaluation;
import io.genai4j.models.rnn.CharRnnTrainer;
import io.genai4j.cli.train.TrainProgress;
import io.genai4j.text.CharTokenizer;
import io.genai4j.text.Corpus;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai rnn train}: a char RNN on the training split, scored on the whole validation split (the ladder's measure). */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a character-level RNN/GRU/LSTM language model on the first 90%% of the text and score the last 10%%.",
                "The checkpoint shipped for `genai ladder` was made with the defaults."})
public final class RnnTrain implements Callable<Integer> {
    @Option(names = "--cell", defaultValue = "lstm", description = "rnn, gru or lstm (default ${DEFAULT-VALUE}).") String cell;
    @Option(names = "--embed", defaultValue = "64", description = "Character embedding width (default ${DEFAULT-VALUE}).") int embed;
    @Option(names = "--hidden", defaultValue = "256", description = "Hidden width (default ${DEFAULT-VALUE}).") int hidden;
    @Option(names = "--layers", defaultValue = "2", description = "Stacked layers (default ${DEFAULT-VALUE}).") int layers;
    @Option(names = "--dropout", defaultValue = "0.1", description = "Dropout (default ${DEFAULT-VALUE}).") float dropout;
    @Option(names = "--batch-size", defaultValue = "64", description = "Streams read side by side (default ${DEFAULT-VALUE}).") int batchSize;
    @Option(names = "--seq-len", defaultValue = "100", description = "Characters per step = BPTT length (default ${DEFAULT-VALUE}).") int seqLen;
    @Option(names = "--max-steps", defaultValue = "1500", description = "Training steps (default ${DEFAULT-VALUE}).") int maxSteps;
    @Option(names = "--lr", defaultValue = "2e-3", description = "Peak Adam learning rate (default ${DEFAULT-VALUE}).") double lr;
    @Option(names = "--min-lr", defaultValue = "1e-4", description = "Final learning rate of the cosine decay (default ${DEFAULT-VALUE}).") double minLr;
    @Option(names = "--warmup", defaultValue = "50", description = "Warm-up steps (default ${DEFAULT-VALUE}).") int warmup;
    @Option(names = "--grad-clip", defaultValue = "1.0", description = "Gradient norm clip (default ${DEFAULT-VALUE}).") double gradClip;
    @Mixin SeedOption seed = new SeedOption(1337);
    @Mixin CorpusOption corpus;
    @Option(names = "--out", defaultValue = "runs/lstm-char.safetensors", description = "Checkpoint file (default: ${DEFAULT-VALUE}).") Path out;
    @Option(names = "--half", description = "Store the weights as F16 (half the file).") boolean half;
    @Mixin ThreadsOption threads;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        Corpus text = corpus.load();
        Corpus.Split split = text.split();
        CharTokenizer chars = CharTokenizer.fit(text.text());
        CharRnnConfig c = new CharRnnConfig(cell, chars.vocabSize(), embed, hidden, layers, dropout);
        CharRnn model = new CharRnn(c, new Rng(seed.value()));
        int[] train = chars.encode(split.train()), val = chars.encode(split.val());
        System.out.printf(Locale.ROOT, "%s on %s: %,d parameters; %,d train / %,d val characters; %d threads%n",
                c.shortName(), text.name(), model.numParameters(), train.length, val.length, Parallel.threads());
        CharRnnTrainer.Result r;
        try (TrainProgress bar = TrainProgress.steps(maxSteps, "chars", (double) batchSize * seqLen)) {
            r = CharRnnTrainer.train(model, train, new CharRnnTrainer.Settings(batchSize, seqLen, maxSteps, lr, minLr, warmup, gradClip, seed.value()), bar);
        }
        long t0 = System.nanoTime();
        double nats = CharRnnEvaluation.natsPerChar(model, train[train.length - 1], val, 64);
        double evalSeconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("corpus", text.name());
        info.put("corpus_fingerprint", Corpus.fingerprint(text.text()));
        info.put("steps", r.steps());
        info.put("epochs", Rounding.places(r.epochs(), 3));
        info.put("batch_size", batchSize);
        info.put("seq_len", seqLen);
        info.put("lr", lr);
        info.put("seed", seed.value());
        info.put("cpu_minutes", Rounding.places(r.cpuSeconds() / 60, 2));
        info.put("val_nats_per_char", Rounding.places(nats, 4));
        CharRnnCheckpoint.save(out, model, chars, info, half);
        String prompt = "ROMEO:".codePoints().allMatch(cp -> chars.idOf(cp) >= 0) ? "ROMEO:" : split.train().substring(split.train().length() - 1);
        String sample = prompt + chars.decode(CharRnnEvaluation.sample(model, chars.encode(prompt), 200, 0.8f, seed.value()));
        System.out.printf(Locale.ROOT, "%d steps (%.2f epochs) in %.1f CPU-minutes, %s wall; last train loss %.4f%n",
                r.steps(), r.epochs(), r.cpuSeconds() / 60, Progress.duration(r.wallSeconds()), r.lastLoss());
        System.out.printf(Locale.ROOT, "validation: %.4f nats/char (%.4f bits/char) over all %,d characters (%.1f s)%n", nats, nats / Math.log(2), val.length, evalSeconds);
        System.out.println("sample (temperature 0.8):\n" + sample);
        System.out.println("checkpoint: " + out.toAbsolutePath());
        if (json.on()) {
            new Report().put("model", c.shortName()).put("config", c.toMap()).put("parameters", model.numParameters())
                    .put("steps", r.steps()).put("epochs", Rounding.places(r.epochs(), 3))
                    .put("cpu_minutes", Rounding.places(r.cpuSeconds() / 60, 2)).put("wall_minutes", Rounding.places(r.wallSeconds() / 60, 2))
                    .put("val_nats_per_char", Rounding.places(nats, 4)).put("val_bits_per_char", Rounding.places(nats / Math.log(2), 4))
                    .put("out", out.toAbsolutePath().toString()).printJson(System.out);
        }
        return 0;
    }
}
