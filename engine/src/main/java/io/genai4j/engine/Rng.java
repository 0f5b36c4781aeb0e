package io.genai4j.engine;

import java.util.SplittableRandom;

/**
 * A seeded random generator: every random choice in genai4j (initialisation, dropout, sampling,
 * batches) goes through one of these, so a run is reproduced by its seed.
 */
public final class Rng {
    private final SplittableRandom random;

    public Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    private Rng(SplittableRandom random) {
        this.random = random;
    }

    /** An independent generator derived from this one (for a worker or a sub-task). */
    public Rng split() {
        return new Rng(random.split());
    }

    /** Uniform in [0, 1). */
    public float nextFloat() {
        return random.nextFloat();
    }

    public double nextDouble() {
        return random.nextDouble();
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public long nextLong() {
        return random.nextLong();
    }

    /** Standard normal. */
    public double nextGaussian() {
        return random.nextGaussian();
    }
}
