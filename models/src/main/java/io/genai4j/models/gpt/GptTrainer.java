package io.genai4j.models.gpt;

import io.genai4j.engine.DType;
import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.io.CheckpointDir;
import io.genai4j.engine.io.CheckpointManifest;
import io.genai4j.engine.io.Checkpoints;
import io.genai4j.engine.optim.AdamW;
import io.genai4j.engine.optim.LrSchedule;
import io.genai4j.engine.optim.ParamGroup;
import io.genai4j.engine.optim.TrainingDiverged;
import io.genai4j.engine.util.Printable;
import io.genai4j.models.train.Goal;
import io.genai4j.models.train.SaveWhen;
import io.genai4j.models.train.TrainEvent;
import io.genai4j.models.train.TrainListener;
import io.genai4j.models.train.TrainLoop;
import io.genai4j.models.train.TrainTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * nanoGPT's train.py loop. Every eval_interval iterations (and at 0 and max_iters) the mean loss of
 * eval_iters batches is estimated on both splits; the best validation loss so far is checkpointed.
 * Each iteration: lr from warmup + cosine, forward, backward, clip the gradient norm, AdamW step
 * (the shared {@link TrainLoop}). As in nanoGPT the loop runs iterations 0..max_iters inclusive.
 * Progress and evaluations go to a {@link TrainListener}; loss.png is drawn by whoever listens.
 */
public final class GptTrainer {
    public static final String OPTIMIZER = "optimizer.safetensors";

    /** evals: every evaluation, those of the run resumed from included. */
    public record Result(double bestValLoss, int iters, double tokensPerSecond, double trainSeconds, List<TrainEvent.Eval> evals) {}

    private final Gpt model;
    private final GptData data;
    private final TrainConfig cfg;
    private final Path out;
    private final AdamW opt;
    private final Rng batchRng, evalRng;
    private final List<TrainEvent.Eval> evals = new ArrayList<>();
    private int startIter;
    private double bestVal = Double.POSITIVE_INFINITY;

    public GptTrainer(Gpt model, GptData data, TrainConfig cfg, Path out) {
        this.model = model;
        this.data = data;
        this.cfg = cfg;
        this.out = out;
        this.opt = new AdamW(ParamGroup.decayMatricesOnly(model.namedParameters(), cfg.weightDecay()),
                cfg.learningRate(), cfg.beta1(), cfg.beta2(), 1e-8);
        this.batchRng = new Rng(cfg.seed());
        this.evalRng = new Rng(cfg.seed() + 1);
    }

    /**
     * Continues from the optimizer state saved in dir (weights are loaded by the caller). The
     * optimizer state must belong to the same save as the weights: with a manifest it has to be
     * listed in it; in a folder of the old layout its iteration must match config.json's.
     */
    public void resumeFrom(Path dir) throws IOException {
        Path file = dir.resolve(OPTIMIZER);
        CheckpointManifest manifest = CheckpointDir.verify(dir);
        if (!Files.isRegularFile(file) || (manifest != null && !manifest.contains(OPTIMIZER))) {
            throw new NoSuchFileException("cannot resume: " + file + " is not part of the checkpoint in " + dir
                    + " (it was saved without optimizer state; train again without --resume)");
        }
        Map<String, Tensor> state = Checkpoints.load(file);
        Map<String, String> meta = Checkpoints.metadata(file);
        int steps = metaInt(meta, "adam_steps", file);
        int iter = metaInt(meta, "iter", file);
        Map<String, Object> train = GptCheckpoint.parse(dir).train();
        long saved = GptCheckpoint.iteration(train);
        if (iter != saved || (manifest != null && manifest.iteration() != iter)) {
            throw new IllegalArgumentException(file + " holds the optimizer of iteration " + iter + " but " + dir.resolve(GptCheckpoint.CONFIG)
                    + " and the weights are from iteration " + saved + ": a mixed set of files from different saves; refusing to resume from it");
        }
        for (var e : model.namedParameters().entrySet()) {
            Tensor m = state.get("m." + e.getKey()), v = state.get("v." + e.getKey());
            if (m == null || v == null) throw new IllegalArgumentException(file + ": no optimizer state for " + e.getKey());
            opt.restore(e.getValue(), m.toArray(), v.toArray(), steps);
        }
        startIter = iter;
        try {
            bestVal = Double.parseDouble(meta.getOrDefault("best_val_loss", "Infinity"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": metadata 'best_val_loss' is not a number: " + Printable.of(meta.get("best_val_loss")));
        }
        if (train.get("evals") instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m && m.get("iter") instanceof Number i && m.get("train") instanceof Number t && m.get("val") instanceof Number v) {
                    evals.add(new TrainEvent.Eval(i.intValue(), t.doubleValue(), v.doubleValue(), Double.NaN, false));
                }
            }
        }
    }

    /** The evaluations of the run resumed from (empty for a fresh run), e.g. to draw the whole curve. */
    public List<TrainEvent.Eval> resumedEvals() {
        return List.copyOf(evals);
    }

    private static int metaInt(Map<String, String> meta, String key, Path file) {
        try {
            return Integer.parseInt(meta.getOrDefault(key, "0"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": metadata '" + key + "' is not an integer: " + Printable.of(meta.get(key)));
        }
    }

    public Result train() throws IOException {
        return train(TrainListener.NONE);
    }

    /**
     * Runs iterations startIter..max_iters with nanoGPT's cadence: the evaluation at iteration i
     * comes before its update, at every eval_interval and at max_iters (whose update is then the
     * last, unevaluated, as in train.py).
     */
    public Result train(TrainListener listener) throws IOException {
        int maxIters = cfg.maxIters(), every = cfg.evalInterval();
        TrainLoop.Settings settings = TrainLoop.Settings.steps(maxIters + 1,
                        LrSchedule.warmupCosine(cfg.learningRate(), cfg.minLr(), cfg.warmupIters(), cfg.lrDecayIters()), cfg.gradClip())
                .withEval((done, last) -> !last && (done % every == 0 || done == maxIters), Goal.MINIMIZE, SaveWhen.ON_BEST);
        TrainLoop loop = new TrainLoop(new Task(), settings, listener).resume(startIter, bestVal, evals);
        TrainEvent.Done d = loop.run();
        bestVal = loop.best();
        return new Result(bestVal, startIter + d.steps(), d.items() / Math.max(d.stepSeconds(), 1e-9), d.wallSeconds(), loop.history());
    }

    /** GPT's part of the loop: random batches of block_size tokens, nanoGPT's estimate_loss, the checkpoint folder. */
    private final class Task implements TrainTask {
        @Override
        public AdamW optimizer() {
            return opt;
        }

        @Override
        public Batch loss(int iter) {
            int b = cfg.batchSize(), t = model.config.blockSize();
            int[][] xy = data.batch(false, b, t, batchRng);
            model.train(true);
            return Batch.of(model.loss(xy[0], xy[1], b, t), (long) b * t);
        }

        @Override
        public String where(int iter) {
            return "iteration " + iter;
        }

        @Override
        public Score evaluate(int iter, double meanTrainLoss) {
            double train = TrainingDiverged.check(estimate(false), "the evaluation at iteration " + iter);
            double val = TrainingDiverged.check(estimate(true), "the evaluation at iteration " + iter);
            return new Score(train, val);
        }

        /** A new best val loss is saved, except at iteration 0 (nothing learned yet) or with no folder. */
        @Override
        public boolean save(int iter, double best, List<TrainEvent.Eval> history) throws IOException {
            if (iter == 0 || out == null) return false;
            bestVal = best;
            GptTrainer.this.save(iter, history);
            return true;
        }
    }

    private double estimate(boolean val) {
        model.eval();
        int b = cfg.batchSize(), t = model.config.blockSize();
        double sum = 0;
        try (Grad g = Grad.off()) {
            for (int i = 0; i < cfg.evalIters(); i++) {
                int[][] xy = data.batch(val, b, t, evalRng);
                sum += model.loss(xy[0], xy[1], b, t).item();
            }
        }
        model.train(true);
        return sum / cfg.evalIters();
    }

    private void save(int iter, List<TrainEvent.Eval> history) throws IOException {
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (var e : model.namedParameters().entrySet()) {
            float[][] mv = opt.moments(e.getValue());
            if (mv == null) continue;
            int[] shape = e.getValue().shape();
            state.put("m." + e.getKey(), Tensor.of(mv[0], shape));
            state.put("v." + e.getKey(), Tensor.of(mv[1], shape));
        }
        Map<String, String> meta = Map.of("iter", Integer.toString(iter), "adam_steps", Integer.toString(opt.steps()),
                "best_val_loss", Double.toString(bestVal));
        try (CheckpointDir c = CheckpointDir.begin(out)) {   // weights, config and optimizer: one unit
            GptCheckpoint.writeInto(c, model, data.tokenizer(), trainInfo(iter, history), DType.F32);
            if (!state.isEmpty()) Checkpoints.save(c.file(OPTIMIZER), state, meta);
            c.commit(iter);
        }
    }

    private Map<String, Object> trainInfo(int iter, List<TrainEvent.Eval> history) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iter", iter);
        m.put("best_val_loss", bestVal);
        m.put("batch_size", cfg.batchSize());
        m.put("max_iters", cfg.maxIters());
        m.put("learning_rate", cfg.learningRate());
        m.put("seed", cfg.seed());
        List<Object> ev = new ArrayList<>();
        for (TrainEvent.Eval e : history) ev.add(Map.of("iter", e.step(), "train", e.train(), "val", e.val()));
        m.put("evals", ev);
        return m;
    }
}
