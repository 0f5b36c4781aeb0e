package io.genai4j.cli.translate;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.engine.Rng;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.optim.LrSchedule;
import io.genai4j.engine.util.Progress;
import io.genai4j.engine.util.Rounding;
import io.genai4j.cli.train.LossChart;
import io.genai4j.cli.train.TrainProgress;
import io.genai4j.models.translation.ParallelCorpus;
import io.genai4j.models.translation.SharedVocab;
import io.genai4j.models.translation.TrainSettings;
import io.genai4j.models.translation.TranslationCheckpoint;
import io.genai4j.models.translation.TranslationModel;
import io.genai4j.models.translation.TranslationTrainer;
import io.genai4j.models.translation.Translations;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code genai seq2seq|transformer train}: the options and steps both translation models share —
 * the data and its split, the shared BPE, the CPU-time budget, the checkpoint, the loss curve, a
 * BLEU on validation sentences at the end. Subclasses build the model and its learning-rate schedule.
 */
public abstract class TranslationTrain implements Callable<Integer> {
    @Mixin
    DataOptions data;
    @Option(names = "--seed", defaultValue = "1", description = "Seed of the split, the initialisation and the batches (default ${DEFAULT-VALUE}).") long seed;
    @Option(names = "--bpe-vocab", defaultValue = "4000", description = "Shared BPE vocabulary size, 3 special tokens included (default ${DEFAULT-VALUE}).") int bpeVocab;
    @Option(names = "--batch-size", defaultValue = "64", description = "Sentence pairs per step (default ${DEFAULT-VALUE}).") int batchSize;
    @Option(names = "--cpu-minutes", defaultValue = "20", description = "Stop after this much process CPU time in training steps; 0 = no limit (default ${DEFAULT-VALUE}).") double cpuMinutes;
    @Option(names = "--max-steps", defaultValue = "0", description = "Stop after this many steps; 0 = no limit (default ${DEFAULT-VALUE}).") int maxSteps;
    @Option(names = "--grad-clip", defaultValue = "1.0", description = "Gradient norm clip (default ${DEFAULT-VALUE}).") double gradClip;
    @Option(names = "--eval-every", defaultValue = "250", description = "Steps between validation losses and checkpoints (default ${DEFAULT-VALUE}).") int evalEvery;
    @Option(names = "--val-pairs", defaultValue = "1000", description = "Validation pairs for the loss (default ${DEFAULT-VALUE}).") int valPairs;
    @Option(names = "--bleu-pairs", defaultValue = "500", description = "Validation pairs translated for a BLEU at the end; 0 = none (default ${DEFAULT-VALUE}).") int bleuPairs;
    @Option(names = "--out", description = "Checkpoint directory (default: runs/<model>).") Path out;
    @Option(names = "--half", description = "Store the weights as F16 (half the file).") boolean half;
    @Mixin ThreadsOption threads;
    @Mixin JsonOption json;

    /** "seq2seq" or "transformer". */
    protected abstract String kind();

    protected abstract TranslationModel build(SharedVocab vocab, Rng rng);

    protected abstract LrSchedule schedule();

    protected abstract double beta2();

    protected abstract double eps();

    protected abstract float labelSmoothing();

    /** One line describing the model's sizes. */
    protected abstract String describe(TranslationModel m);

    @Override
    public Integer call() throws Exception {
        threads.apply();
        Path dir = out != null ? out : Path.of("runs", kind());
        ParallelCorpus corpus = data.load(10, false, seed);
        System.out.println(ParallelCorpus.ATTRIBUTION);
        System.out.println(corpus.description());
        long t0 = System.nanoTime();
        SharedVocab vocab = SharedVocab.train(corpus.train(), bpeVocab);
        System.out.printf(Locale.ROOT, "shared BPE: %,d tokens learned from the training pairs in %s%n", vocab.size(), Progress.duration((System.nanoTime() - t0) / 1e9));
        TranslationModel model = build(vocab, new Rng(seed));
        long params = model.module().numParameters();
        System.out.printf(Locale.ROOT, "%s: %s, %,d parameters; budget %s; %d threads%n", kind(), describe(model), params,
                cpuMinutes > 0 ? cpuMinutes + " CPU-minutes" + (maxSteps > 0 ? " or " + maxSteps + " steps" : "") : maxSteps + " steps", Parallel.threads());
        TrainSettings ts = new TrainSettings(batchSize, cpuMinutes, maxSteps, schedule(), 0.9, beta2(), eps(), 0.0, labelSmoothing(),
                gradClip, evalEvery, valPairs, seed);
        Map<String, Object> dataInfo = new LinkedHashMap<>();
        dataInfo.put("file", data.path().getFileName().toString());
        dataInfo.put("max_words", data.maxWords != null ? data.maxWords : 10);
        dataInfo.put("reverse", data.reverse);
        dataInfo.put("seed", seed);
        dataInfo.put("train_pairs", corpus.train().size());
        dataInfo.put("val_pairs", corpus.val().size());
        dataInfo.put("test_pairs", corpus.test().size());
        TranslationTrainer trainer = new TranslationTrainer(model, vocab, ts);
        TranslationTrainer.Result r;
        try (TrainProgress bar = ts.cpuMinutes() > 0 ? TrainProgress.cpuBudget(Math.round(ts.cpuMinutes() * 60)) : TrainProgress.steps(ts.maxSteps(), "steps", 1)) {
            r = trainer.train(corpus, soFar -> {
                TranslationCheckpoint.save(dir, model, vocab, dataInfo, trainInfo(soFar, params), half);
                plot(dir, soFar);
            }, bar.evalLine(e -> String.format(Locale.ROOT, "step %d (%.1f CPU-min): train loss %.4f, val loss %.4f",
                    e.step(), e.cpuSeconds() / 60, e.train(), e.val())));
        }
        model.module().eval();
        double bleu = Double.NaN;
        if (bleuPairs > 0) {
            var ev = Translations.bleu(model, vocab, ParallelCorpus.sample(corpus.val(), bleuPairs, seed), 1, Translations.QUIETLY);
            bleu = ev.bleu().bleu();
            System.out.printf(Locale.ROOT, "validation BLEU on %d pairs (greedy): %s%n", ev.sentences(), ev.bleu());
        }
        Map<String, Object> info = trainInfo(r, params);
        if (!Double.isNaN(bleu)) info.put("val_bleu_greedy", Rounding.places(bleu, 2));
        TranslationCheckpoint.save(dir, model, vocab, dataInfo, info, half);
        System.out.printf(Locale.ROOT, "%d steps (%.2f epochs) in %.1f CPU-minutes (%.1f wall); val loss %.4f; %.0f target tokens per CPU-second%n",
                r.steps(), r.epochs(), r.cpuMinutes(), r.wallSeconds() / 60, r.valLoss(), r.targetTokens() / Math.max(r.cpuSeconds(), 1e-9));
        System.out.println("checkpoint and loss curve in " + dir.toAbsolutePath());
        if (json.on()) {
            Report rep = new Report().put("model", kind()).put("parameters", params).put("config", model.config())
                    .put("steps", r.steps()).put("epochs", Rounding.places(r.epochs(), 3)).put("cpu_minutes", Rounding.places(r.cpuMinutes(), 2))
                    .put("wall_minutes", Rounding.places(r.wallSeconds() / 60, 2)).put("val_loss", Rounding.places(r.valLoss(), 4))
                    .put("target_tokens_per_cpu_s", Rounding.whole(r.targetTokens() / Math.max(r.cpuSeconds(), 1e-9)))
                    .put("threads", Parallel.threads()).put("out", dir.toAbsolutePath().toString());
            if (!Double.isNaN(bleu)) rep.put("val_bleu_greedy", Rounding.places(bleu, 2));
            rep.put("attribution", ParallelCorpus.ATTRIBUTION).printJson(System.out);
        }
        return 0;
    }

    private Map<String, Object> trainInfo(TranslationTrainer.Result r, long params) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parameters", params);
        m.put("steps", r.steps());
        m.put("epochs", Rounding.places(r.epochs(), 4));
        m.put("cpu_minutes", Rounding.places(r.cpuMinutes(), 3));
        m.put("wall_minutes", Rounding.places(r.wallSeconds() / 60, 3));
        m.put("val_loss", Rounding.places(r.valLoss(), 5));
        m.put("target_tokens", r.targetTokens());
        m.put("batch_size", batchSize);
        m.put("bpe_vocab", bpeVocab);
        m.put("label_smoothing", (double) labelSmoothing());
        m.put("seed", seed);
        m.put("threads", Parallel.threads());
        m.put("curve", r.curve().stream().map(p -> List.of(p.step(), Rounding.places(p.cpuSeconds() / 60, 3), Rounding.places(p.train(), 4), Rounding.places(p.val(), 4))).toList());
        return m;
    }

    private void plot(Path dir, TranslationTrainer.Result r) {
        LossChart.save(dir.resolve("loss.png"), kind() + " training loss", "CPU-minutes of training",
                String.format(Locale.ROOT, "step %d; val %.4f (train loss includes label smoothing %.2f)", r.steps(), r.valLoss(), labelSmoothing()),
                r.curve(), e -> e.cpuSeconds() / 60);
    }
}
