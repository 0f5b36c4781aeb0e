package io.genai4j.models.bert.classify;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.ops.F;
import io.genai4j.engine.optim.AdamW;
import io.genai4j.engine.optim.LrSchedule;
import io.genai4j.engine.optim.ParamGroup;
import io.genai4j.models.train.BestWeights;
import io.genai4j.models.train.EvalWhen;
import io.genai4j.models.train.Goal;
import io.genai4j.models.train.OptimizerTask;
import io.genai4j.models.train.SaveWhen;
import io.genai4j.models.train.TrainEvent;
import io.genai4j.models.train.TrainListener;
import io.genai4j.models.train.TrainLoop;
import io.genai4j.models.train.TrainTask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Trains a head on cached features with cross-entropy and AdamW (warm-up then cosine decay),
 * shuffled mini-batches; after every epoch it scores the validation split and keeps the weights
 * of the best epoch (early stopping by selection, so the test split is never looked at).
 */
public final class HeadTrainer {
    /** Settings: epochs, batch size, peak learning rate, weight decay, seed. */
    public record Config(int epochs, int batchSize, double lr, double weightDecay, long seed) {
        public static Config defaults(String kind) {
            return kind.equals("gru") ? new Config(3, 64, 2e-3, 1e-2, 1) : new Config(8, 128, 1e-3, 1e-2, 1);
        }
    }

    /** One epoch's figures. */
    public record Epoch(int epoch, double trainLoss, double devAccuracy, double seconds) {}

    public record Result(List<Epoch> epochs, int bestEpoch, double bestDevAccuracy, double seconds) {}

    /** Updates per epoch: the last batch of an epoch may be short. */
    public static int stepsPerEpoch(int trainSize, Config c) {
        return (trainSize + c.batchSize() - 1) / c.batchSize();
    }

    /** Trains, reporting an update per batch (items: sentences) and an evaluation (dev accuracy) per epoch. */
    public static Result train(Head head, Features train, int[] trainLabels, Features dev, int[] devLabels, Config c, TrainListener listener) {
        if (head instanceof PooledHeads.LinearHead l) PooledHeads.standardise(l.mean, l.std, train);
        if (head instanceof PooledHeads.MlpHead m) PooledHeads.standardise(m.mean, m.std, train);
        int n = train.size();
        int perEpoch = stepsPerEpoch(n, c);
        int total = perEpoch * c.epochs();
        LrSchedule lr = LrSchedule.warmupCosine(c.lr(), c.lr() / 20, Math.max(1, total / 50), total);
        AdamW opt = new AdamW(ParamGroup.decayMatricesOnly(head.namedParameters(), c.weightDecay()), c.lr(), 0.9, 0.999, 1e-8);
        Rng rng = new Rng(c.seed());
        List<Epoch> epochs = new ArrayList<>();
        BestWeights kept = new BestWeights(head);                    // the best epoch so far
        long t0 = System.nanoTime();
        TrainTask task = new OptimizerTask(opt) {
            private int[] order;
            private long epochStart;

            @Override
            public Batch loss(int step) {
                int s = (step % perEpoch) * c.batchSize();
                if (s == 0) {                                        // a new epoch: a new shuffle
                    epochStart = System.nanoTime();
                    head.train(true);
                    order = permutation(n, rng);
                    if (head.needsTokens()) order = bucketByLength(order, train, c.batchSize() * 50);
                }
                int[] rows = Arrays.copyOfRange(order, s, Math.min(n, s + c.batchSize()));
                int[] y = new int[rows.length];
                for (int i = 0; i < rows.length; i++) y[i] = trainLabels[rows[i]];
                // weighted by its rows, so the epoch's mean loss is per sentence
                return new Batch(F.crossEntropy(head.logits(train, rows), y), rows.length, rows.length);
            }

            @Override
            public String where(int step) {
                return "epoch " + (step / perEpoch + 1) + ", batch " + (step % perEpoch + 1);
            }

            @Override
            public Score evaluate(int done, double meanTrainLoss) {
                double acc = accuracy(head, dev, devLabels, 256);
                epochs.add(new Epoch(done / perEpoch, meanTrainLoss, acc, (System.nanoTime() - epochStart) / 1e9));
                return new Score(meanTrainLoss, acc);
            }

            /** The best epoch's weights are kept in memory and restored at the end. */
            @Override
            public boolean save(int done, double bestAcc, List<TrainEvent.Eval> history) {
                kept.keep(done);
                return true;
            }
        };
        TrainLoop.Settings settings = TrainLoop.Settings.steps(total, lr, 0)
                .withEval(EvalWhen.every(perEpoch), Goal.MAXIMIZE, SaveWhen.ON_BEST);
        TrainLoop loop = new TrainLoop(task, settings, listener);
        loop.runInMemory();
        kept.restore();
        head.eval();
        return new Result(List.copyOf(epochs), kept.step() / perEpoch, loop.best(), (System.nanoTime() - t0) / 1e9);
    }

    /** Predicted class per sentence. */
    public static int[] predict(Head head, Features f, int batch) {
        head.eval();
        int[] out = new int[f.size()];
        try (Grad g = Grad.off()) {
            for (int s = 0; s < f.size(); s += batch) {
                int[] rows = new int[Math.min(batch, f.size() - s)];
                for (int i = 0; i < rows.length; i++) rows[i] = s + i;
                int[] am = head.logits(f, rows).argmax();
                System.arraycopy(am, 0, out, s, am.length);
            }
        }
        return out;
    }

    /** Class probabilities (softmax of the logits) per sentence. */
    public static float[][] probabilities(Head head, Features f) {
        head.eval();
        int[] rows = new int[f.size()];
        for (int i = 0; i < rows.length; i++) rows[i] = i;
        try (Grad g = Grad.off()) {
            Tensor p = head.logits(f, rows).softmax(-1);
            int c = p.size(1);
            float[] d = p.toArray();
            float[][] out = new float[rows.length][];
            for (int i = 0; i < rows.length; i++) out[i] = Arrays.copyOfRange(d, i * c, (i + 1) * c);
            return out;
        }
    }

    public static double accuracy(Head head, Features f, int[] labels, int batch) {
        int[] p = predict(head, f, batch);
        int ok = 0;
        for (int i = 0; i < p.length; i++) if (p[i] == labels[i]) ok++;
        return (double) ok / p.length;
    }

    private static int[] permutation(int n, Rng rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = (int) (rng.nextDouble() * (i + 1));
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Sorts each window of a shuffled order by length, so sequence batches pad little but stay random. */
    private static int[] bucketByLength(int[] order, Features f, int window) {
        int[] out = order.clone();
        for (int s = 0; s < out.length; s += window) {
            int e = Math.min(out.length, s + window);
            Integer[] w = new Integer[e - s];
            for (int i = s; i < e; i++) w[i - s] = out[i];
            Arrays.sort(w, Comparator.comparingInt(f::length));
            for (int i = s; i < e; i++) out[i] = w[i - s];
        }
        return out;
    }
}
