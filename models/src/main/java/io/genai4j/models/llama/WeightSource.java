package io.genai4j.models.llama;

import io.genai4j.engine.Tensor;
import java.util.Arrays;

/**
 * Where a model's weights come from, addressed by Hugging Face names ({@code model.layers.0.self_attn.q_proj.weight}):
 * a safetensors checkpoint directly, a GGUF file through llama.cpp's tensor names. Tensors stay in
 * their file format (memory-mapped, possibly quantized).
 */
public interface WeightSource {
    /** The tensor, or null when the file has none of that name (optional biases, tied heads). */
    Tensor optional(String name);

    /** The tensor; a clear error naming it when absent. */
    default Tensor require(String name) {
        Tensor t = optional(name);
        if (t == null) throw new IllegalArgumentException("the model file has no tensor for '" + name + "'" + describe(name));
        return t;
    }

    /** Extra words for a missing-tensor message (e.g. the file's own name for it). */
    default String describe(String name) {
        return "";
    }

    /** Checks a tensor's shape, naming it on mismatch. */
    static Tensor shaped(Tensor t, String name, int... shape) {
        if (!Arrays.equals(t.shape(), shape)) {
            throw new IllegalArgumentException("tensor '" + name + "' has shape " + Arrays.toString(t.shape()) + ", expected "
                    + Arrays.toString(shape));
        }
        return t;
    }
}
