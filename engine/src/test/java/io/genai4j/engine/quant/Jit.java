package io.genai4j.engine.quant;

/**
 * Tests that compare kernel results bit for bit run the kernels compiled first: the interpreter adds
 * a vector's lanes in lane order, C2's reduction intrinsic in its own order ({@link Lanes#sum}), so
 * the same dot product can differ in its last bits while the JIT warms up.
 */
final class Jit {
    private Jit() {}

    /**
     * Runs {@code work} often enough for C2 to compile what it calls: kernels loop over blocks, and
     * C2 counts loop back-edges with calls (15,000 in all by default), so a few thousand calls of a
     * kernel over a whole row are well past it.
     */
    static void warm(Runnable work) {
        for (int i = 0; i < 3_000; i++) work.run();
    }
}
