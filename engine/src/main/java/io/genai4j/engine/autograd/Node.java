package io.genai4j.engine.autograd;

import io.genai4j.engine.Tensor;

/** One recorded op on the tape: its name (for error messages), its inputs and its backward rule. */
public record Node(String op, Tensor[] inputs, Backward backward) {}
