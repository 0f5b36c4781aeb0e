package io.genai4j.cli.bert;

import io.genai4j.cli.CommandGroup;
import io.genai4j.cli.ItemsBar;
import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.train.TrainProgress;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.bert.BertEncoder;
import io.genai4j.models.bert.Pooling;
import io.genai4j.models.bert.Sst2;
import io.genai4j.models.bert.classify.Features;
import io.genai4j.models.bert.classify.Head;
import io.genai4j.models.bert.classify.HeadFile;
import io.genai4j.models.bert.classify.HeadSpec;
import io.genai4j.models.bert.classify.HeadTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code genai bert classify train|eval|predict}: the seed's first project. The pretrained encoder
 * is frozen; only a small head on its outputs is trained, on SST-2 sentiment.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Sentiment classification with a frozen BERT: train only a head (linear, MLP or GRU) on SST-2.",
                "Encoder outputs are cached (~/.cache/genai4j/features), so retraining a head needs no encoder pass."},
        subcommands = {BertClassify.Train.class, BertClassify.Eval.class, BertClassify.Predict.class})
public final class BertClassify extends CommandGroup {
    static final String[] LABELS = {"negative", "positive"};

    /** Features of a split with a progress bar while they are computed. */
    static Features features(BertEncoder enc, String split, List<String> texts, boolean tokens) throws IOException {
        try (ItemsBar bar = new ItemsBar("encode " + split, texts.size(), "sentences")) {
            return Features.cached(enc, split, texts, tokens, bar);
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Train a head on SST-2 train.tsv, select the epoch on dev.tsv, report accuracy on test.tsv (GLUE's dev set, 872 sentences)."})
    public static final class Train implements Callable<Integer> {
        @Mixin
        ModelOptions model;
        @Option(names = "--head", defaultValue = "mlp", description = "linear, mlp or gru (default: ${DEFAULT-VALUE}).")
        String head;
        @Option(names = "--width", description = "Hidden width of the head (mlp: 256, gru: 128 per direction).")
        Integer width;
        @Option(names = "--epochs", description = "Epochs (default: 8 for linear/mlp, 3 for gru).")
        Integer epochs;
        @Option(names = "--batch-size", description = "Sentences per step (default: 128 for linear/mlp, 64 for gru).")
        Integer batchSize;
        @Option(names = "--lr", description = "Peak learning rate of AdamW (default: 1e-3, gru 2e-3).")
        Double lr;
        @Option(names = "--train-limit", paramLabel = "N", description = "Use only the first N training sentences.")
        Integer trainLimit;
        @Option(names = "--seed", defaultValue = "1", description = "Seed of initialisation and shuffling (default: ${DEFAULT-VALUE}).")
        long seed;
        @Mixin
        Sst2Option data;
        @Option(names = "--out", paramLabel = "FILE", description = "Where to save the head (default: runs/bert-<model>-<head>.safetensors).")
        Path out;
        @Mixin
        JsonOption json;

        @Override
        public Integer call() throws Exception {
            HeadSpec spec = HeadSpec.of(head);
            if (width != null) spec = spec.withWidth(width);
            HeadTrainer.Config d = HeadTrainer.Config.defaults(spec.kind());
            HeadTrainer.Config cfg = new HeadTrainer.Config(epochs != null ? epochs : d.epochs(), batchSize != null ? batchSize : d.batchSize(),
                    lr != null ? lr : d.lr(), d.weightDecay(), seed);
            if (cfg.epochs() < 1 || cfg.batchSize() < 1 || cfg.lr() <= 0) throw new IllegalArgumentException("--epochs, --batch-size and --lr must be positive");
            Sst2 train = data.load("train"), dev = data.load("dev"), test = data.load("test");
            if (trainLimit != null) {
                if (trainLimit < 1) throw new IllegalArgumentException("--train-limit must be >= 1");
                int n = Math.min(trainLimit, train.size());
                train = new Sst2(train.sentences().subList(0, n), Arrays.copyOf(train.labels(), n));
            }
            BertEncoder enc = model.load();
            boolean tokens = spec.kind().equals("gru");
            long t0 = System.nanoTime();
            Features ftrain = features(enc, "train", train.sentences(), tokens);
            Features fdev = features(enc, "dev", dev.sentences(), tokens);
            Features ftest = features(enc, "test", test.sentences(), tokens);
            double encodeSecs = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "features: %,d train, %,d dev, %,d test sentences from the frozen %s (%.1f s, cached for next time)%n",
                    train.size(), dev.size(), test.size(), enc.name(), encodeSecs);
            Head h = spec.build(enc.dimension(), 2, seed);
            System.out.printf(Locale.ROOT, "training a %s head (%,d parameters) for %d epochs, batch %d, AdamW lr %.1e; the encoder's %.1fM stay frozen%n",
                    spec.kind(), h.numParameters(), cfg.epochs(), cfg.batchSize(), cfg.lr(), enc.model().numParameters() / 1e6);
            HeadTrainer.Result r;
            int perEpoch = HeadTrainer.stepsPerEpoch(train.size(), cfg);
            long[] epochStart = {System.nanoTime()};
            try (TrainProgress bar = TrainProgress.items((long) train.size() * cfg.epochs(), "sentences")) {
                r = HeadTrainer.train(h, ftrain, train.labels(), fdev, dev.labels(), cfg, bar.evalLine(e -> {
                    long now = System.nanoTime();
                    double seconds = (now - epochStart[0]) / 1e9;      // the epoch's training and its dev scoring
                    epochStart[0] = now;
                    return String.format(Locale.ROOT, "  epoch %d: train loss %.4f, dev accuracy %.2f%% (%.1f s)", e.step() / perEpoch, e.train(), 100 * e.val(), seconds);
                }));
            }
            double acc = HeadTrainer.accuracy(h, ftest, test.labels(), 256);
            Path file = out != null ? out : defaultHeadFile(enc.name(), spec.kind());
            new HeadFile(h, model.model, enc.pooling().name().toLowerCase(Locale.ROOT), LABELS).save(file);
            System.out.printf(Locale.ROOT, "best epoch %d: dev accuracy %.2f%%; training took %.1f s%n", r.bestEpoch(), 100 * r.bestDevAccuracy(), r.seconds());
            System.out.printf(Locale.ROOT, "SST-2 test accuracy (GLUE dev, %d sentences): %.2f%%%n", test.size(), 100 * acc);
            System.out.println("Head saved to " + file.toAbsolutePath());
            if (json.on()) {
                List<Map<String, Object>> eps = new ArrayList<>();
                for (var ep : r.epochs()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("epoch", ep.epoch());
                    m.put("train_loss", Rounding.places(ep.trainLoss(), 4));
                    m.put("dev_accuracy", Rounding.places(ep.devAccuracy(), 4));
                    m.put("seconds", Rounding.places(ep.seconds(), 2));
                    eps.add(m);
                }
                new Report().put("model", enc.name()).put("head", spec.kind()).put("head_parameters", h.numParameters())
                        .put("epochs", cfg.epochs()).put("best_epoch", r.bestEpoch()).put("train_sentences", train.size())
                        .put("dev_accuracy", Rounding.places(r.bestDevAccuracy(), 4)).put("test_accuracy", Rounding.places(acc, 4))
                        .put("test_sentences", test.size()).put("encode_seconds", Rounding.places(encodeSecs, 1))
                        .put("train_seconds", Rounding.places(r.seconds(), 1)).put("head_file", file.toAbsolutePath().toString())
                        .put("history", eps).printJson(System.out);
            }
            return 0;
        }
    }

    /** Where a trained head goes without --out: under runs/, like every lesson's output, not the working folder. */
    static Path defaultHeadFile(String model, String head) {
        return Path.of("runs", "bert-" + model.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + head + ".safetensors");
    }

    /** Loads a head file and the encoder it was trained on. */
    static BertEncoder encoderFor(HeadFile hf) throws IOException {
        BertEncoder enc = BertEncoder.load(hf.model());
        Pooling p = Pooling.parse(hf.pooling());
        return enc.pooling() == p ? enc : enc.withPooling(p);
    }

    @Command(name = "eval", mixinStandardHelpOptions = true, description = "Accuracy of a trained head on an SST-2 split.")
    public static final class Eval implements Callable<Integer> {
        @Option(names = "--head-file", paramLabel = "FILE", required = true, description = "A head saved by 'classify train'.")
        Path headFile;
        @Option(names = "--split", defaultValue = "test", description = "train, dev or test (default: ${DEFAULT-VALUE}).")
        String split;
        @Mixin
        Sst2Option data;
        @Mixin
        JsonOption json;

        @Override
        public Integer call() throws Exception {
            if (!List.of("train", "dev", "test").contains(split)) throw new IllegalArgumentException("--split must be train, dev or test");
            HeadFile hf = HeadFile.load(headFile);
            Sst2 s = data.load(split);
            BertEncoder enc = encoderFor(hf);
            Features f = features(enc, split, s.sentences(), hf.head().needsTokens());
            int[] pred = HeadTrainer.predict(hf.head(), f, 256);
            int ok = 0, tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < pred.length; i++) {
                if (pred[i] == s.labels()[i]) ok++;
                if (pred[i] == 1 && s.labels()[i] == 1) tp++;
                if (pred[i] == 1 && s.labels()[i] == 0) fp++;
                if (pred[i] == 0 && s.labels()[i] == 1) fn++;
            }
            double acc = (double) ok / pred.length, f1 = 2.0 * tp / Math.max(1, 2 * tp + fp + fn);
            System.out.printf(Locale.ROOT, "%s head on %s: accuracy %.2f%% (%d/%d), F1 (positive) %.4f%n", hf.head().kind(), split, 100 * acc, ok, pred.length, f1);
            if (json.on()) new Report().put("model", hf.model()).put("head", hf.head().kind()).put("split", split).put("sentences", pred.length)
                    .put("accuracy", Rounding.places(acc, 4)).put("f1", Rounding.places(f1, 4)).printJson(System.out);
            return 0;
        }
    }

    @Command(name = "predict", mixinStandardHelpOptions = true, description = "Sentiment of each TEXT with a trained head.")
    public static final class Predict implements Callable<Integer> {
        @Option(names = "--head-file", paramLabel = "FILE", required = true, description = "A head saved by 'classify train'.")
        Path headFile;
        @Parameters(arity = "1..*", paramLabel = "TEXT")
        List<String> texts;
        @Mixin
        JsonOption json;

        @Override
        public Integer call() throws Exception {
            HeadFile hf = HeadFile.load(headFile);
            BertEncoder enc = encoderFor(hf);
            Features f = Features.compute(enc, texts, hf.head().needsTokens(), null);
            float[][] p = HeadTrainer.probabilities(hf.head(), f);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                int c = p[i][1] >= p[i][0] ? 1 : 0;
                System.out.printf(Locale.ROOT, "%-8s %.3f  %s%n", hf.labels()[c], p[i][c], texts.get(i));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("text", texts.get(i));
                m.put("label", hf.labels()[c]);
                m.put("p_positive", Rounding.places(p[i][1], 4));
                rows.add(m);
            }
            if (json.on()) new Report().put("model", hf.model()).put("head", hf.head().kind()).put("predictions", rows).printJson(System.out);
            return 0;
        }
    }
}
