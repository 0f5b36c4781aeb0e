package io.genai4j.engine.optim;

/**
 * A training run whose loss stopped being a finite number (NaN or infinite): every later step would
 * only spread the NaN through the weights, so trainers stop at once — before the optimizer step and
 * before any save — and the front end reports one line and a non-zero exit. An IllegalStateException
 * because it is a property of the run (learning rate, data), not a bug in the code.
 */
public final class TrainingDiverged extends IllegalStateException {
    private final double loss;

    private TrainingDiverged(String message, double loss) {
        super(message);
        this.loss = loss;
    }

    /** The offending loss value (NaN or ±infinity). */
    public double loss() {
        return loss;
    }

    /**
     * Returns loss when it is finite, else throws.
     *
     * @param where the step that produced it, as the user knows it ("iteration 120", "epoch 3")
     */
    public static double check(double loss, String where) {
        if (Double.isFinite(loss)) return loss;
        throw new TrainingDiverged("training stopped at " + where + ": the loss is " + loss
                + " (the run diverged: lower the learning rate, or check the data); nothing from this point on was saved", loss);
    }
}
