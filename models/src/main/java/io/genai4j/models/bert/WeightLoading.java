package io.genai4j.models.bert;

import io.genai4j.engine.Shape;
import io.genai4j.engine.Tensor;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Copies weights into a model one tensor at a time, so peak memory is the model plus one tensor
 * (not the model plus a second full copy in a state dict). Every parameter must be supplied.
 */
final class WeightLoading {
    private WeightLoading() {}

    /** source.get(name) returns the values (row-major, the parameter's shape) or null when absent. */
    static void load(BertModel model, String what, Function<String, Supplier<float[]>> source) {
        TreeSet<String> missing = new TreeSet<>();
        for (Map.Entry<String, Tensor> e : model.stateDict().entrySet()) {
            Supplier<float[]> s = source.apply(e.getKey());
            if (s == null) {
                missing.add(e.getKey());
                continue;
            }
            Tensor dst = e.getValue();
            float[] v = s.get();
            if (v.length != dst.numel()) {
                throw new IllegalArgumentException(what + ": " + e.getKey() + " has " + v.length + " values, the model expects "
                        + Shape.str(dst.shape()));
            }
            System.arraycopy(v, 0, dst.data(), dst.offset(), v.length);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(what + " lacks " + missing.size() + " BERT weights, e.g. "
                    + Arrays.toString(missing.stream().limit(4).toArray()));
        }
    }

    /**
     * Refuses a config that needs more parameters than the file holds values, before the model is
     * allocated (its allocation is then at most the file's values as floats).
     */
    static void requireValues(BertConfig config, long fileValues, String what) {
        long need = config.parameterCount();
        if (need > fileValues) {
            throw new IllegalArgumentException(what + " holds " + fileValues + " values, but the config (" + config.layers() + " layers, hidden "
                    + config.hidden() + ", intermediate " + config.intermediate() + ", vocabulary " + config.vocabSize() + ") needs " + need + " parameters");
        }
    }

    /** W [rows, cols] row-major → Wᵀ [cols, rows]. */
    static float[] transpose(float[] w, int rows, int cols) {
        float[] t = new float[w.length];
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) t[j * rows + i] = w[i * cols + j];
        return t;
    }
}
