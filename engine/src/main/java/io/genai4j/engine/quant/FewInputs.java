package io.genai4j.engine.quant;

/**
 * How the multi-input kernels ({@link RowKernel#dotRowsInputs}) take k inputs: in groups of
 * {@value #GROUP}, each weight block unpacked once per group. Four accumulators per group are what
 * fits the registers beside the unpacked block; a group short of four repeats its last input (the
 * same sum computed twice, its output written twice), which costs a few multiply-adds but no
 * second unpacking and no ragged variant of each kernel.
 */
final class FewInputs {
    private FewInputs() {}

    static final int GROUP = 4;

    /** Offset of input s (or of the last input, k − 1, past it) with inputs ld apart from base. */
    static int at(int base, int s, int k, int ld) {
        return base + Math.min(s, k - 1) * ld;
    }
}
