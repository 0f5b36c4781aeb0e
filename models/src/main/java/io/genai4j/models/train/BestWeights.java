package io.genai4j.models.train;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Module;
import java.util.HashMap;
import java.util.Map;

/**
 * Early stopping in memory: a copy of a model's weights at its best evaluation so far, put back at
 * the end of the run. A trainer keeps it from {@link TrainTask#save} (the loop calls that on every
 * better evaluation) and restores after {@link TrainLoop#run}; nothing is written to disk.
 */
public final class BestWeights {
    private final Module model;
    private Map<String, float[]> weights;
    private int step;

    public BestWeights(Module model) {
        this.model = model;
    }

    /** Copies the model's weights as they are after {@code step} updates. */
    public void keep(int step) {
        Map<String, float[]> copy = new HashMap<>();
        model.stateDict().forEach((name, t) -> copy.put(name, t.toArray()));
        weights = copy;
        this.step = step;
    }

    /** The updates done when the kept weights were copied (0 if none were). */
    public int step() {
        return step;
    }

    /** Writes the kept weights back into the model; leaves it as it is if none were kept. */
    public void restore() {
        if (weights == null) return;
        model.stateDict().forEach((name, t) -> copyInto(weights.get(name), t));
    }

    private static void copyInto(float[] kept, Tensor t) {
        System.arraycopy(kept, 0, t.data(), t.offset(), kept.length);
    }
}
