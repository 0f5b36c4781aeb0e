package io.genai4j.models.train;

import io.genai4j.engine.optim.AdamW;

/**
 * A {@link TrainTask} given its optimizer when it is made: what a trainer's inline task extends, so
 * that it writes only its loss (and its evaluation and save, if it has them).
 */
public abstract class OptimizerTask implements TrainTask {
    private final AdamW optimizer;

    protected OptimizerTask(AdamW optimizer) {
        this.optimizer = optimizer;
    }

    @Override
    public final AdamW optimizer() {
        return optimizer;
    }
}
