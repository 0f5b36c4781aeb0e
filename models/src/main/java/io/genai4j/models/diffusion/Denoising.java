package io.genai4j.models.diffusion;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;

/**
 * What {@link DiffusionTrainer} fits: a forward process and a noise predictor ε_θ(x_t, t, c), where
 * c is one class per row for a class-conditional model and null for an unconditional one.
 */
public interface Denoising {
    NoiseSchedule schedule();

    /** ε̂ of x_t's shape for x_t [B, ...] at steps t (1-based, one per row), conditioned on classes (or null). */
    Tensor predictNoise(Tensor xt, int[] t, int[] classes);

    /**
     * The classes a training batch is conditioned on, given its rows' labels (null when the data has
     * none); an unconditional model ignores them. Draws from rng only when it conditions.
     */
    default int[] trainingClasses(int[] labels, Rng rng) {
        return null;
    }
}
