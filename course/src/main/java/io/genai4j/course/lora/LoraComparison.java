package io.genai4j.course.lora;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.optim.LrSchedule;
import io.genai4j.llm.lora.LoraAdapter;
import io.genai4j.llm.lora.LoraConfig;
import io.genai4j.llm.lora.LoraTask;
import io.genai4j.llm.lora.TokenWindow;
import io.genai4j.llm.lora.TrainableParameters;
import io.genai4j.llm.lora.TrainedWeights;
import io.genai4j.models.gpt.Gpt;
import io.genai4j.models.train.TrainEvent;
import io.genai4j.models.train.TrainListener;
import io.genai4j.models.train.TrainLoop;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * LoRA against full fine-tuning, and ranks against each other, on one task: every contestant starts
 * from a fresh copy of the same GPT and takes the same number of AdamW updates on the same windows
 * (the same seed draws the same batches), so each sees the same tokens. Full fine-tuning trains every
 * weight; an adapter trains A and B with the model frozen and is detached afterwards, leaving the
 * base as it was. Neither uses dropout (the base runs in evaluation mode; the adapters get none), so
 * the only difference is what is trainable.
 */
public final class LoraComparison {
    /** Where each run's fresh model comes from (the shipped GPT, loaded again). */
    @FunctionalInterface
    public interface ModelSource {
        Gpt load() throws IOException;
    }

    /** Training and validation windows of the new text, and Shakespeare's validation windows (forgetting). */
    public record Data(List<TokenWindow> train, List<TokenWindow> val, List<TokenWindow> home) {
        public Data {
            train = List.copyOf(train);
            val = List.copyOf(val);
            home = List.copyOf(home);
            if (train.isEmpty() || val.isEmpty()) throw new IllegalArgumentException("the comparison needs training and validation windows");
        }
    }

    /**
     * The budget every contestant gets.
     *
     * @param scale alpha/r of every adapter (alpha = scale·r, so ranks differ in capacity, not in step size)
     */
    public record Budget(int steps, int batch, float scale, long seed) {
        public Budget {
            if (steps < 1 || batch < 1) throw new IllegalArgumentException("steps and batch must be at least 1, got " + steps + " and " + batch);
        }
    }

    /** The base model's losses before any training, and each contestant's result in the order given. */
    public record Outcome(double baseValLoss, double baseHomeLoss, List<FineTuningResult> results) {}

    /** Events of one contestant's training, named by its label (progress for the CLI). */
    @FunctionalInterface
    public interface Listener {
        TrainListener starting(FineTuning setup);
    }

    private LoraComparison() {}

    public static Outcome run(ModelSource source, Data data, List<FineTuning> setups, Budget budget, Listener listener) throws IOException {
        Gpt base = source.load();
        base.eval();
        LoraTask.Scorer baseScorer = LoraTask.of(base);
        double baseVal = LoraTask.meanLoss(baseScorer, data.val()), baseHome = LoraTask.meanLoss(baseScorer, data.home());
        List<FineTuningResult> results = new ArrayList<>();
        for (FineTuning f : setups) results.add(run(source.load(), f, data, budget, listener.starting(f)));
        return new Outcome(baseVal, baseHome, results);
    }

    /** One contestant on a fresh model (an adapter is detached again at the end). */
    static FineTuningResult run(Gpt model, FineTuning f, Data data, Budget budget, TrainListener events) throws IOException {
        model.eval();   // no dropout in the base for any contestant
        LoraAdapter adapter = null;
        TrainedWeights trained;
        TrainableParameters counts;
        if (f.isFull()) {
            trained = TrainedWeights.all(model.parameters());
            counts = new TrainableParameters(model.numParameters(), model.numParameters());
        } else {
            model.freeze();
            adapter = LoraAdapter.wrap(model, new LoraConfig(f.rank(), budget.scale() * f.rank(), 0f, false, f.targets(), "gpt"), new Rng(budget.seed()));
            trained = adapter;
            counts = adapter.trainable(model);
        }
        LoraTask task = new LoraTask(LoraTask.of(model), trained, data.train(), data.val(), budget.batch(), f.lr(), budget.seed());
        int warmup = Math.min(20, budget.steps() / 10);
        var settings = TrainLoop.Settings.steps(budget.steps(), LrSchedule.warmupCosine(f.lr(), f.lr() / 10, warmup, budget.steps()), 1.0);
        TrainEvent.Done done = new TrainLoop(task, settings, events).run();
        long stateBytes = stateBytes(trained.parameters(), task);
        double val = task.meanLoss(data.val()), home = task.meanLoss(data.home());
        if (adapter != null) adapter.detach();
        return new FineTuningResult(f, counts.trainable(), counts.all(), stateBytes, val, home, done.steps(), done.items(),
                done.cpuSeconds(), done.items() / Math.max(done.stepSeconds(), 1e-9));
    }

    /** Weights and gradients (4 bytes a value each) plus AdamW's first and second moments as the optimizer holds them. */
    private static long stateBytes(List<Tensor> trained, LoraTask task) {
        long bytes = 0;
        for (Tensor p : trained) {
            bytes += 2L * Float.BYTES * p.numel();
            float[][] moments = task.optimizer().moments(p);
            if (moments != null) for (float[] m : moments) bytes += (long) Float.BYTES * m.length;
        }
        return bytes;
    }
}
