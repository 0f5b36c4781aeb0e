package io.genai4j.models.train;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.optim.AdamW;
import java.io.IOException;
import java.util.List;

/** What one trainer adds to the loop: its model's loss on the next batch, its evaluation and its save. */
public interface TrainTask {
    /** The loss of one batch, with what it consumed and its weight in the mean train loss. */
    record Batch(Tensor loss, long items, double weight) {
        public static Batch of(Tensor loss, long items) {
            return new Batch(loss, items, 1);
        }
    }

    /** A validation result: the train figure to report and the validation figure to select on. */
    record Score(double train, double val) {}

    /** The optimizer over the task's parameters (the loop sets its learning rate and steps it). */
    AdamW optimizer();

    /** Forward pass on the next batch for update {@code step} (0-based), graph recorded. */
    Batch loss(int step);

    /** How a failing step is named in the NaN-loss message, e.g. "step 12" or "iteration 11". */
    default String where(int step) {
        return "step " + (step + 1);
    }

    /**
     * Scores the model after {@code done} updates; {@code meanTrainLoss} is the weighted mean of the
     * batch losses since the last evaluation (NaN if there were none).
     */
    default Score evaluate(int done, double meanTrainLoss) throws IOException {
        // Tasks without a validation set (the char RNN) run with EvalWhen.NEVER; reaching here is a bug.
        throw new UnsupportedOperationException("evaluate() called on a task that has none: its loop must not schedule evaluations");
    }

    /** Saves the state after {@code done} updates; false if nothing was written. */
    default boolean save(int done, double best, List<TrainEvent.Eval> history) throws IOException {
        return false;
    }
}
