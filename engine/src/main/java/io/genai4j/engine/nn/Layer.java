package io.genai4j.engine.nn;

import io.genai4j.engine.Tensor;

/** A module that maps one tensor to one tensor, so it can sit in a {@link Sequential}. */
public interface Layer {
    Tensor forward(Tensor x);
}
