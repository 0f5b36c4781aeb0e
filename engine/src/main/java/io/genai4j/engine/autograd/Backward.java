package io.genai4j.engine.autograd;

import io.genai4j.engine.Tensor;

/**
 * The backward rule of one op: given dL/d(output), returns dL/d(input_i) for each input, in input
 * order, each with that input's shape (null where an input needs no gradient).
 */
@FunctionalInterface
public interface Backward {
    Tensor[] apply(Tensor gradOutput);
}
