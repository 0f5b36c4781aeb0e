package io.genai4j.models.translation;

import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.optim.AdamW;
import io.genai4j.engine.optim.ParamGroup;
import io.genai4j.engine.optim.TrainingDiverged;
import io.genai4j.models.train.EvalWhen;
import io.genai4j.models.train.Goal;
import io.genai4j.models.train.OptimizerTask;
import io.genai4j.models.train.SaveWhen;
import io.genai4j.models.train.TrainEvent;
import io.genai4j.models.train.TrainListener;
import io.genai4j.models.train.TrainLoop;
import io.genai4j.models.train.TrainTask;
import java.io.IOException;
import java.util.List;

/**
 * The training loop shared by the RNN seq2seq and the Transformer, so that the two are compared on
 * the same footing: same batches (same seed), same CPU-time budget, Adam(W), gradient-norm
 * clipping, a learning rate from a schedule, teacher forcing. CPU time is counted around the
 * training steps only (validation and checkpoints are outside the budget). The loop is the shared
 * {@link TrainLoop}; progress and validations go to a {@link TrainListener}.
 */
public final class TranslationTrainer {
    /** curve: every validation (step, CPU seconds of training so far, mean train loss since the last one, val loss). */
    public record Result(int steps, double epochs, double cpuSeconds, double wallSeconds, double valLoss, long targetTokens, List<TrainEvent.Eval> curve) {
        public double cpuMinutes() {
            return cpuSeconds / 60;
        }
    }

    /** Called after every validation (e.g. to write the checkpoint). */
    @FunctionalInterface
    public interface Checkpointer {
        void save(Result soFar) throws IOException;
    }

    private final TranslationModel model;
    private final SharedVocab vocab;
    private final TrainSettings s;

    public TranslationTrainer(TranslationModel model, SharedVocab vocab, TrainSettings settings) {
        this.model = model;
        this.vocab = vocab;
        this.s = settings;
    }

    public Result train(ParallelCorpus data, Checkpointer checkpointer) throws IOException {
        return train(data, checkpointer, TrainListener.NONE);
    }

    public Result train(ParallelCorpus data, Checkpointer checkpointer, TrainListener listener) throws IOException {
        Batches batches = new Batches(data.train(), vocab, s.batchSize(), s.seed());
        List<Batch> val = Batches.fixed(ParallelCorpus.sample(data.val(), s.valPairs(), s.seed()), vocab, 64);
        AdamW opt = new AdamW(ParamGroup.decayMatricesOnly(model.module().namedParameters(), s.weightDecay()),
                s.schedule().lr(0), s.beta1(), s.beta2(), s.eps());
        long wall0 = System.nanoTime();
        long[] tokens = {0};
        TrainTask task = new OptimizerTask(opt) {
            @Override
            public TrainTask.Batch loss(int step) {
                var b = batches.next();                       // a translation Batch (TrainTask.Batch is the loss)
                model.module().train(true);
                tokens[0] += b.targetTokens();
                return TrainTask.Batch.of(model.loss(b, s.labelSmoothing()), b.targetTokens());
            }

            @Override
            public Score evaluate(int step, double meanTrainLoss) {
                return new Score(meanTrainLoss, TrainingDiverged.check(validate(val), "the validation at step " + step));
            }

            @Override
            public boolean save(int step, double best, List<TrainEvent.Eval> history) throws IOException {
                if (checkpointer == null) return false;
                checkpointer.save(result(step, batches, history.getLast().cpuSeconds(), wall0, tokens[0], history));
                return true;
            }
        };
        TrainLoop.Settings settings = new TrainLoop.Settings(s.maxSteps(), s.cpuMinutes(), s.schedule(), s.gradClip(), 1,
                EvalWhen.every(s.evalEvery()), Goal.MINIMIZE, SaveWhen.EVERY_EVAL);
        TrainLoop loop = new TrainLoop(task, settings, listener);
        TrainEvent.Done d = loop.run();
        return result(d.steps(), batches, d.cpuSeconds(), wall0, d.items(), loop.history());
    }

    private static Result result(int step, Batches batches, double cpuSeconds, long wall0, long tokens, List<TrainEvent.Eval> history) {
        double lastVal = history.isEmpty() ? Double.NaN : history.getLast().val();
        return new Result(step, batches.epochsDone(), cpuSeconds, (System.nanoTime() - wall0) / 1e9, lastVal, tokens, List.copyOf(history));
    }

    /** Mean cross-entropy per target token on the validation batches (no label smoothing). */
    public double validate(List<Batch> val) {
        model.module().eval();
        double sum = 0;
        long n = 0;
        try (Grad g = Grad.off()) {
            for (Batch b : val) {
                sum += model.loss(b, 0f).item() * b.targetTokens();
                n += b.targetTokens();
            }
        }
        model.module().train(true);
        return sum / Math.max(1, n);
    }
}
