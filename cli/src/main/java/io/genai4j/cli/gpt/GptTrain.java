package io.genai4j.cli.gpt;

import io.genai4j.cli.CorpusOption;
import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.SeedOption;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.engine.Rng;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.util.Progress;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.gpt.Gpt;
import io.genai4j.models.gpt.GptCheckpoint;
import io.genai4j.models.gpt.GptConfig;
import io.genai4j.models.gpt.GptData;
import io.genai4j.models.gpt.GptTrainer;
import io.genai4j.models.train.TrainEvent;
import io.genai4j.cli.train.LossChart;
import io.genai4j.cli.train.TrainProgress;
import io.genai4j.models.gpt.TrainConfig;
import io.genai4j.text.CharTokenizer;
import io.genai4j.text.Corpus;
import io.genai4j.text.Tokenizer;
import io.genai4j.text.bpe.BpeTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code genai gpt train}: nanoGPT's train.py with the defaults of config/train_shakespeare_char.py;
 * flags are nanoGPT's config keys with dashes.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a GPT (nanoGPT semantics). Defaults: config/train_shakespeare_char.py on the bundled tiny Shakespeare.",
                "A quick CPU run: --n-layer 4 --n-head 4 --n-embd 128 --block-size 64 --batch-size 12 --max-iters 2000 --lr-decay-iters 2000 --dropout 0 --eval-iters 20"})
public final class GptTrain implements Callable<Integer> {
    @Option(names = "--n-layer", defaultValue = "6", description = "Transformer blocks (default ${DEFAULT-VALUE}).") int nLayer;
    @Option(names = "--n-head", defaultValue = "6", description = "Attention heads (default ${DEFAULT-VALUE}).") int nHead;
    @Option(names = "--n-embd", defaultValue = "384", description = "Embedding width (default ${DEFAULT-VALUE}).") int nEmbd;
    @Option(names = "--block-size", defaultValue = "256", description = "Context length (default ${DEFAULT-VALUE}).") int blockSize;
    @Option(names = "--dropout", defaultValue = "0.2", description = "Dropout (default ${DEFAULT-VALUE}).") float dropout;
    @Option(names = "--bias", defaultValue = "false", description = "Biases in Linear and LayerNorm (default ${DEFAULT-VALUE}).") boolean bias;
    @Option(names = "--batch-size", defaultValue = "64", description = "Sequences per step (default ${DEFAULT-VALUE}).") int batchSize;
    @Option(names = "--max-iters", defaultValue = "5000", description = "Training iterations (default ${DEFAULT-VALUE}).") int maxIters;
    @Option(names = "--learning-rate", defaultValue = "1e-3", description = "Peak learning rate (default ${DEFAULT-VALUE}).") double learningRate;
    @Option(names = "--min-lr", defaultValue = "1e-4", description = "Final learning rate (default ${DEFAULT-VALUE}).") double minLr;
    @Option(names = "--warmup-iters", defaultValue = "100", description = "Linear warmup iterations (default ${DEFAULT-VALUE}).") int warmupIters;
    @Option(names = "--lr-decay-iters", defaultValue = "5000", description = "Cosine decay length (default ${DEFAULT-VALUE}).") int lrDecayIters;
    @Option(names = "--weight-decay", defaultValue = "0.1", description = "AdamW weight decay on matrices (default ${DEFAULT-VALUE}).") double weightDecay;
    @Option(names = "--beta1", defaultValue = "0.9", description = "AdamW β1 (default ${DEFAULT-VALUE}).") double beta1;
    @Option(names = "--beta2", defaultValue = "0.99", description = "AdamW β2 (default ${DEFAULT-VALUE}).") double beta2;
    @Option(names = "--grad-clip", defaultValue = "1.0", description = "Gradient norm clip (default ${DEFAULT-VALUE}).") double gradClip;
    @Option(names = "--eval-interval", defaultValue = "250", description = "Iterations between evaluations (default ${DEFAULT-VALUE}).") int evalInterval;
    @Option(names = "--eval-iters", defaultValue = "200", description = "Batches per evaluation (default ${DEFAULT-VALUE}).") int evalIters;
    @Mixin SeedOption seed = new SeedOption(1337);
    @Option(names = "--tokenizer", defaultValue = "char", description = "char, or bpe (a byte-level BPE trained on the training split) (default ${DEFAULT-VALUE}).") String tokenizer;
    @Option(names = "--bpe-vocab", defaultValue = "1024", description = "BPE vocabulary size with --tokenizer bpe (default ${DEFAULT-VALUE}).") int bpeVocab;
    @Mixin CorpusOption corpus;
    @Option(names = "--out", defaultValue = "runs/gpt", description = "Checkpoint directory (default ${DEFAULT-VALUE}).") Path out;
    @Option(names = "--resume", description = "Continue training from the checkpoint in --out.") boolean resume;
    @Mixin ThreadsOption threads;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        Corpus text = corpus.load();
        GptData data;
        Gpt model;
        GptTrainer trainer;
        TrainConfig tc = new TrainConfig(batchSize, maxIters, lrDecayIters, learningRate, minLr, warmupIters, evalInterval,
                evalIters, weightDecay, beta1, beta2, gradClip, seed.value());
        if (resume) {
            GptCheckpoint ck = GptCheckpoint.load(out);
            model = ck.model();
            data = GptData.of(text, ck.tokenizer());
            trainer = new GptTrainer(model, data, tc, out);
            trainer.resumeFrom(out);
        } else {
            Tokenizer tok = switch (tokenizer.toLowerCase(Locale.ROOT)) {
                case "char" -> CharTokenizer.fit(text.text());
                case "bpe" -> BpeTrainer.train(text.split().train(), bpeVocab, List.of());
                default -> throw new IllegalArgumentException("unknown --tokenizer '" + tokenizer + "': expected char or bpe");
            };
            data = GptData.of(text, tok);
            GptConfig gc = new GptConfig(nLayer, nHead, nEmbd, blockSize, tok.vocabSize(), dropout, bias);
            model = new Gpt(gc, new Rng(seed.value()));
            trainer = new GptTrainer(model, data, tc, out);
        }
        GptConfig c = model.config;
        System.out.printf(Locale.ROOT, "GPT: %d layers, %d heads, %d wide, context %d, vocabulary %d (%s): %,d parameters%n",
                c.nLayer(), c.nHead(), c.nEmbd(), c.blockSize(), c.vocabSize(), data.tokenizer().kind(), model.numParametersNonEmbedding());
        System.out.printf(Locale.ROOT, "data: %,d train / %,d val tokens from %s; %d threads%n",
                data.train().length, data.val().length, text.name(), Parallel.threads());
        GptTrainer.Result r;
        List<TrainEvent.Eval> curve = new ArrayList<>(trainer.resumedEvals());
        try (TrainProgress bar = TrainProgress.steps(tc.maxIters() + 1, "tok", (double) tc.batchSize() * c.blockSize())) {
            r = trainer.train(bar.andThen(e -> {
                if (e instanceof TrainEvent.Eval ev) curve.add(ev);
                if (e instanceof TrainEvent.Checkpoint) plot(curve, model);    // the curve next to the best weights so far
            }));
        }
        plot(r.evals(), model);
        double gflops = r.tokensPerSecond() * model.trainingFlopsPerToken() / 1e9;
        System.out.printf(Locale.ROOT, "best val loss %.4f after %d iterations; %.0f tokens/s in training steps (%.1f GFLOP/s of model math); %s in all%n",
                r.bestValLoss(), r.iters(), r.tokensPerSecond(), gflops, Progress.duration(r.trainSeconds()));
        if (Files.isDirectory(out)) System.out.println("checkpoint and loss curve in " + out.toAbsolutePath());
        if (json.on()) {
            new Report().put("best_val_loss", Rounding.places(r.bestValLoss(), 4)).put("iters", r.iters())
                    .put("tokens_per_s", Rounding.whole(r.tokensPerSecond())).put("train_seconds", Rounding.places(r.trainSeconds(), 4))
                    .put("model_gflops", Rounding.places(gflops, 1))
                    .put("parameters", model.numParametersNonEmbedding()).put("threads", Parallel.threads())
                    .put("out", out.toAbsolutePath().toString()).printJson(System.out);
        }
        return 0;
    }

    /** loss.png next to the checkpoint: train and val loss at every evaluation. */
    private void plot(List<TrainEvent.Eval> evals, Gpt model) {
        double best = evals.stream().mapToDouble(TrainEvent.Eval::val).min().orElse(Double.NaN);
        LossChart.save(out.resolve("loss.png"), "GPT training loss", "iteration",
                String.format(Locale.ROOT, "%,d parameters; best val %.4f", model.numParametersNonEmbedding(), best), evals, TrainEvent.Eval::step);
    }
}
