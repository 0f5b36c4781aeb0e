package io.genai4j.models.train;

/** What a training run reports as it goes; a renderer switches over the four kinds. */
public sealed interface TrainEvent {
    /**
     * One optimizer update done. {@code step} counts updates done so far (resumed runs start past
     * 0), {@code items} is what this update consumed (tokens, characters, sentences) for a rate.
     */
    record Step(int step, double loss, double learningRate, long items, double cpuSeconds) implements TrainEvent {}

    /**
     * An evaluation after {@code step} updates: a train figure (an estimate or the mean since the
     * last evaluation), the validation figure the run selects on, and whether it is the best so far.
     */
    record Eval(int step, double train, double val, double cpuSeconds, boolean best) implements TrainEvent {}

    /** The trainer saved its state after {@code step} updates (to disk or, for small heads, in memory). */
    record Checkpoint(int step, double val) implements TrainEvent {}

    /** The run ended: updates done, training CPU and wall time of the steps, total wall time, items. */
    record Done(int steps, double cpuSeconds, double stepSeconds, double wallSeconds, long items, double best) implements TrainEvent {}
}
