package io.genai4j.engine.kernels;

/**
 * Walks strided layouts row by row: the machinery behind contiguous(), broadcasting and scatter.
 * The innermost dimension is one "row" handed to a tight loop (per row, never per element, a
 * call); outer dimensions are walked with an index counter.
 */
public final class Strided {
    private Strided() {}

    /** Work on one row: pos[k] is where operand k's row starts; rows have n elements. */
    @FunctionalInterface
    public interface Row {
        void run(int[] pos, int n);
    }

    /**
     * Calls row for every innermost row of shape, for operands with the given start offsets and
     * strides (strides[k] has one entry per dimension of shape). A 0-d shape is one row of 1.
     */
    public static void rows(int[] shape, int[] offsets, int[][] strides, Row row) {
        int rank = shape.length;
        int ops = offsets.length;
        int[] pos = offsets.clone();
        if (rank == 0) {
            row.run(pos, 1);
            return;
        }
        for (int s : shape) if (s == 0) return;
        int inner = shape[rank - 1];
        long outer = 1;
        for (int i = 0; i < rank - 1; i++) outer *= shape[i];
        int[] counter = new int[rank];
        for (long o = 0; o < outer; o++) {
            row.run(pos, inner);
            for (int d = rank - 2; d >= 0; d--) {
                counter[d]++;
                for (int k = 0; k < ops; k++) pos[k] += strides[k][d];
                if (counter[d] < shape[d]) break;
                for (int k = 0; k < ops; k++) pos[k] -= strides[k][d] * shape[d];
                counter[d] = 0;
            }
        }
    }

    /** dst[...] = src[...] over shape, for any two layouts. */
    public static void copy(int[] shape, float[] src, int sOff, int[] sStrides, float[] dst, int dOff, int[] dStrides) {
        int si = shape.length == 0 ? 1 : sStrides[shape.length - 1];
        int di = shape.length == 0 ? 1 : dStrides[shape.length - 1];
        rows(shape, new int[] {sOff, dOff}, new int[][] {sStrides, dStrides}, (p, n) -> {
            if (si == 1 && di == 1) {
                System.arraycopy(src, p[0], dst, p[1], n);
            } else {
                for (int j = 0, a = p[0], b = p[1]; j < n; j++, a += si, b += di) dst[b] = src[a];
            }
        });
    }

    /** dst[...] += src[...] over shape (destination positions may repeat: contributions add up). */
    public static void addTo(int[] shape, float[] src, int sOff, int[] sStrides, float[] dst, int dOff, int[] dStrides) {
        int si = shape.length == 0 ? 1 : sStrides[shape.length - 1];
        int di = shape.length == 0 ? 1 : dStrides[shape.length - 1];
        rows(shape, new int[] {sOff, dOff}, new int[][] {sStrides, dStrides}, (p, n) -> {
            if (si == 1 && di == 1) {
                VecMath.addInto(src, p[0], dst, p[1], n);
            } else {
                for (int j = 0, a = p[0], b = p[1]; j < n; j++, a += si, b += di) dst[b] += src[a];
            }
        });
    }
}
