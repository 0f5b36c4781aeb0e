package io.genai4j.engine.quant;

/**
 * How the multi-input kernels ({@link RowKernel#dotRowsInputs}) take k inputs: in groups of
 * {@value #GROUP}, each weight block unpacked once per group; the k mod 4 inputs left over go
 * through the single-input loop. Four accumulators per group are what fits the registers beside
 * the unpacked block and C2's inlining budget; a group of two or three would pay for a whole
 * unpacking with fewer inputs (measured: two inputs through a four-input loop with one repeated
 * were slower per input than the single-input loop). Q4_0 has a loop of its own for two (a batch
 * of two, or two left over): per thread, 2048-long rows, 99 ns per row and input against 132
 * through the single-input loop, 112 at three inputs (two plus one). Where a kernel's rows decode
 * to floats cheaply enough, {@link DecodedTiles} replaces the grouping altogether.
 */
final class FewInputs {
    private FewInputs() {}

    static final int GROUP = 4;

    /**
     * Weight bytes of one tile of rows of the multi-input loops: small enough that a second group of
     * four inputs and the inputs left over read the tile again from L2 (1 MB per core here), large
     * enough that the call per tile costs little beside its products.
     */
    static final long TILE_BYTES = 256 * 1024;

    /** Rows of rowBytes each in one tile (at least one). */
    static int tileRows(long rowBytes) {
        return (int) Math.max(1, TILE_BYTES / rowBytes);
    }
}
