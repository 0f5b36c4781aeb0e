package io.genai4j.engine.quant;

import io.genai4j.engine.kernels.Gemm;
import io.genai4j.engine.kernels.GemmBackends;
import io.genai4j.engine.kernels.Parallel;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * y = W·x for one or several weight matrices that read the same input, their outputs laid side by
 * side ([q | k | v], [gate | up]): one parallel dispatch per group instead of one per matrix. The
 * concatenated rows are cut into a few large contiguous ranges per thread, so each weight byte is
 * streamed once, by one core, straight from the mapped file; every output is one thread's complete
 * dot product, so results do not depend on the thread count.
 *
 * <p>For a batch of T rows of x (a prompt) each matrix is decoded in panels of {@link #PANEL} rows
 * and multiplied with all T inputs by the GEMM, which turns T passes over the weights into one.
 * A few rows (T &le; {@link #FEW_ROWS}: batched decoding of T sessions) take the row kernels instead,
 * in tiles of weight rows small enough to stay in the core's cache while all T inputs run over them:
 * the weights stream from memory once, and the quantized kernels unpack each block once for four
 * inputs ({@link RowKernel#dotRowsInputs}), since unpacking, not memory, bounds their speed; where
 * unpacking costs most (Q6_K, Q4_K; long Q4_0 rows when they read bfloat16 x) a tile of rows is decoded
 * to floats once for all inputs ({@link DecodedTiles}). Each output is the lone matrix-vector
 * product's sum of the same products, rounded in another order.
 *
 * <p>An instance holds only the weights and their kernels: each call's arguments travel in a small
 * {@link Call}, so one instance (one loaded model) serves any number of threads at once.
 */
public final class MatVec {
    static final int PANEL = 64;
    /** Up to this many inputs run through the row kernels tile by tile; more go through panels and the GEMM. */
    static final int FEW_ROWS = 8;
    /** Fewest rows a thread takes at once: below that, dispatch costs more than it saves. */
    private static final int GRAIN = 16;
    private static final ThreadLocal<float[]> PANELS = ThreadLocal.withInitial(() -> new float[0]);

    private final WeightMatrix[] ws;
    private final RowKernel[] kernels;
    /**
     * kernels[m].dotRows as bound method handles. Through a handle in an instance field C2 cannot
     * inline the kernel into {@link #run}: were two kernels inlined there, the Vector API's code
     * would outgrow C2's inlining budget and box vectors on the heap (measured: 3× slower).
     */
    private final MethodHandle[] rows;
    /** kernels[m].dotRowsInputs, bound the same way: a tile of rows times the few inputs of a batched step. */
    private final MethodHandle[] rowsInputs;
    /** Where the few inputs run over decoded tiles instead ({@link DecodedTiles}); null entries keep the fused kernels. */
    private final DecodedTiles[] decoded;
    private static final MethodHandle DOT_ROWS, DOT_ROWS_INPUTS;

    static {
        try {
            DOT_ROWS = MethodHandles.publicLookup().findVirtual(RowKernel.class, "dotRows", MethodType.methodType(void.class,
                    MemorySegment.class, long.class, int.class, int.class, float[].class, int.class, int.class, float[].class, int.class));
            DOT_ROWS_INPUTS = MethodHandles.publicLookup().findVirtual(RowKernel.class, "dotRowsInputs", MethodType.methodType(void.class,
                    MemorySegment.class, long.class, int.class, int.class, float[].class, int.class, int.class, int.class, int.class, float[].class, int.class, int.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    private final int[] starts;   // starts[m]: first output column of matrix m; starts[ws.length]: all rows
    private final int in;

    public MatVec(WeightMatrix... ws) {
        this(false, Activations.FLOAT, ws);
    }

    /** How the kernels of a prepared group read the activation x. */
    public enum Activations {
        /**
         * As floats (bfloat16 for long Q4_K rows): what the decoder uses. Measured on this machine
         * kind ({@code genai bench kernels}), as fast as {@link #Q8} on 8192-long Q4_0 rows and 20%
         * faster on 2048-long ones.
         */
        FLOAT,
        /**
         * As {@link #FLOAT}, but long Q4_0 rows also read x rounded to bfloat16 ({@link Q4_0LongRows}),
         * which the decoder used until the float kernel lost its conversion instruction: measured
         * since (AMD EPYC, 32 KB L1, 2048×8192 from memory, {@code genai bench kernels --activations
         * float,bf16}), the float kernel was as fast or faster, without bfloat16's rounding of x.
         */
        BF16,
        /**
         * Quantized to int8 blocks once per call, multiplied in integers where a kernel exists (Q4_0:
         * {@link Q4_0Q8Rows}), as llama.cpp does; other types as {@link #FLOAT}. For measuring the
         * integer kernels on other hosts.
         */
        Q8
    }

    /**
     * A group for repeated use (a model's layers): F16 matrices are scanned once for Inf and NaN,
     * and those without any (every trained model) take the kernel that does not check for them;
     * Q4_K matrices with rows longer than {@value Bf16Activations#MIN_LENGTH} take a kernel that
     * rounds x to bfloat16 (see there why).
     */
    public static MatVec prepared(WeightMatrix... ws) {
        return new MatVec(true, Activations.FLOAT, ws);
    }

    /** As {@link #prepared(WeightMatrix...)}, with the activation read as asked. */
    public static MatVec prepared(Activations activations, WeightMatrix... ws) {
        return new MatVec(true, activations, ws);
    }

    private MatVec(boolean scan, Activations activations, WeightMatrix... ws) {
        if (ws.length == 0) throw new IllegalArgumentException("no matrices");
        this.ws = ws.clone();
        this.kernels = new RowKernel[ws.length];
        this.rows = new MethodHandle[ws.length];
        this.rowsInputs = new MethodHandle[ws.length];
        this.decoded = new DecodedTiles[ws.length];
        this.starts = new int[ws.length + 1];
        this.in = ws[0].cols();
        for (int m = 0; m < ws.length; m++) {
            if (ws[m].cols() != in) throw new IllegalArgumentException("matrices of one group must share their input width: " + ws[m].cols() + " vs " + in);
            kernels[m] = ws[m].kernel();
            if (scan && kernels[m] == F16Rows.INSTANCE && F16Rows.allFinite(ws[m])) kernels[m] = F16Rows.FINITE;
            if (scan && activations == Activations.Q8 && kernels[m] == Q4_0Rows.INSTANCE) kernels[m] = Q4_0Q8Rows.INSTANCE;
            if (scan && in > Bf16Activations.MIN_LENGTH) {
                if (kernels[m] == Q4_0Rows.INSTANCE && activations == Activations.BF16) kernels[m] = Q4_0LongRows.INSTANCE;
                if (kernels[m] == Q4KWideRows.INSTANCE) kernels[m] = Q4KWideRows.LONG;
            }
            rows[m] = DOT_ROWS.bindTo(kernels[m]);
            rowsInputs[m] = DOT_ROWS_INPUTS.bindTo(kernels[m]);
            decoded[m] = DecodedTiles.of(kernels[m], in);
            starts[m + 1] = starts[m] + ws[m].rows();
        }
    }

    /** Input width. */
    public int in() {
        return in;
    }

    /** Output width: the rows of all matrices. */
    public int out() {
        return starts[ws.length];
    }

    /** y[yOff + r] = Σ_i W[r, i]·x[xOff + i] for all rows r of the group. */
    public void apply(float[] x, int xOff, float[] y, int yOff) {
        apply(x, xOff, 1, y, yOff, out());
    }

    /**
     * For t inputs x[xOff + s·in, ...) (s &lt; t), y[yOff + s·ldy + r] = W[r]·x_s: one matrix-vector
     * product when t = 1, panels through the GEMM otherwise.
     */
    public void apply(float[] x, int xOff, int t, float[] y, int yOff, int ldy) {
        Call call = new Call(x, xOff, t, y, yOff, ldy);
        if (t == 1) Parallel.forRange(out(), GRAIN, call);
        else if (t <= FEW_ROWS) Parallel.forRange(out(), GRAIN, call::tiles);
        else Parallel.forRange((out() + PANEL - 1) / PANEL, 1, call::panels);
    }

    /** One call's arguments, published to the workers by Parallel. */
    private final class Call implements Parallel.RangeBody {
        private final float[] x, y;
        private final int xOff, t, yOff, ldy;

        Call(float[] x, int xOff, int t, float[] y, int yOff, int ldy) {
            this.x = x;
            this.xOff = xOff;
            this.t = t;
            this.y = y;
            this.yOff = yOff;
            this.ldy = ldy;
        }

        /** Rows [lo, hi) of the concatenation, one dot product each. */
        @Override
        public void run(int lo, int hi) {
            rowsOf(lo, hi, 0);
        }

        /**
         * Rows [lo, hi) for each of the t inputs, a cache-sized tile of rows at a time, all t inputs
         * through the kernel's multi-input loop ({@link RowKernel#dotRowsInputs}).
         */
        void tiles(int lo, int hi) {
            for (int r = lo; r < hi; ) {
                int m = matrixOf(r);
                WeightMatrix w = ws[m];
                int i = r - starts[m];
                if (decoded[m] != null && decoded[m].serves(t)) {   // the decoded tiles keep their own working set in L1: one call for the whole range
                    int end = Math.min(hi, starts[m + 1]);
                    decoded[m].dotRowsInputs(w.data(), w.rowBytes(), i, i + end - r, x, xOff, in, t, in, y, yOff + r, ldy);
                    r = end;
                    continue;
                }
                int end = Math.min(hi, starts[m + 1]);
                if (!kernels[m].tilesItsInputs()) end = Math.min(end, r + FewInputs.tileRows(w.rowBytes()));
                try {
                    rowsInputs[m].invokeExact(w.data(), w.rowBytes(), i, i + end - r, x, xOff, in, t, in, y, yOff + r, ldy);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException(e);   // dotRowsInputs declares no checked exception
                }
                r = end;
            }
        }

        /** Rows [lo, hi) of the concatenation times input s. */
        private void rowsOf(int lo, int hi, int s) {
            int m = matrixOf(lo);
            for (int r = lo; r < hi; ) {
                while (r >= starts[m + 1]) m++;
                WeightMatrix w = ws[m];
                int end = Math.min(hi, starts[m + 1]);
                int i = r - starts[m];
                try {
                    rows[m].invokeExact(w.data(), w.rowBytes(), i, i + end - r, x, xOff + s * in, in, y, yOff + s * ldy + r);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException(e);   // dotRows declares no checked exception
                }
                r = end;
            }
        }

        /** Panels [lo, hi) of PANEL output columns: decode, then GEMM with all t inputs. */
        void panels(int lo, int hi) {
            float[] panel = PANELS.get();
            if (panel.length < PANEL * in) PANELS.set(panel = new float[PANEL * in]);
            Gemm gemm = GemmBackends.current();
            for (int p = lo; p < hi; p++) {
                int c0 = p * PANEL, c1 = Math.min(out(), c0 + PANEL);
                // A panel may straddle two matrices of the group: decode each part from its own matrix.
                for (int c = c0; c < c1; ) {
                    int m = matrixOf(c);
                    int end = Math.min(c1, starts[m + 1]);
                    WeightMatrix w = ws[m];
                    for (int r = c; r < end; r++) kernels[m].decode(w.data(), (r - starts[m]) * w.rowBytes(), panel, (r - c0) * in, in);
                    c = end;
                }
                // y[:, c0:c1] = X · panelᵀ
                gemm.sgemm(false, true, t, c1 - c0, in, 1f, x, xOff, in, panel, 0, in, 0f, y, yOff + c0, ldy);
            }
        }
    }

    private int matrixOf(int row) {
        int m = 0;
        while (row >= starts[m + 1]) m++;
        return m;
    }
}
