package io.genai4j.models.diffusion;

import io.genai4j.engine.Tensor;

/** A noise predictor ε_θ(x_t, t): x_t [B, ...] at steps t (1-based, one per row) → ε̂ of x_t's shape. */
@FunctionalInterface
public interface EpsilonModel {
    Tensor predict(Tensor xt, int[] t);
}
