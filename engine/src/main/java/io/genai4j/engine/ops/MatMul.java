package io.genai4j.engine.ops;

import io.genai4j.engine.Shape;
import io.genai4j.engine.Storage;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.kernels.Gemm;
import io.genai4j.engine.kernels.GemmBackends;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.quant.QuantMatMul;
import io.genai4j.engine.quant.WeightMatrix;
import java.util.Arrays;

/**
 * Matrix products with NumPy's matmul semantics. Transposed operands (x.mT(), a view) reach the
 * GEMM as a trans flag, never as a copy; a batch of activations times a weight matrix becomes one
 * large GEMM; many small products (attention heads) run in parallel over the batch.
 *
 * <p>Backward: for C = A·B,  dA = dC·Bᵀ  and  dB = Aᵀ·dC  (summed over broadcast batch dims).
 */
public final class MatMul {
    private MatMul() {}

    /** Below this many multiply-adds per product, threads split the batch rather than each GEMM. */
    private static final long SMALL_GEMM = 1L << 21;

    public static Tensor matmul(Tensor a, Tensor b) {
        if (a.dim() == 0 || b.dim() == 0) throw new IllegalArgumentException("matmul needs at least 1-D operands");
        if (a.dim() == 1) return matmul(a.unsqueeze(0), b).squeeze(-2);
        if (b.dim() == 1) return matmul(a, b.unsqueeze(-1)).squeeze(-1);
        if (!(b.storage() instanceof Storage.F32) && b.dim() == 2) return weightProduct(a, b);
        int k = a.size(-1);
        if (b.size(-2) != k) {
            throw new IllegalArgumentException("matmul shapes " + Shape.str(a.shape()) + " and " + Shape.str(b.shape())
                    + " do not align (" + k + " vs " + b.size(-2) + ")");
        }
        if (b.dim() == 2 && a.dim() > 2 && a.isContiguous()) {
            // [..., M, K]·[K, N]: fold the batch into M for one GEMM.
            int[] as = a.shape();
            int[] outShape = as.clone();
            outShape[outShape.length - 1] = b.size(-1);
            return product(a.reshape(-1, k), b).reshape(outShape);
        }
        return product(a, b);
    }

    /**
     * x·Wᵀ with W [out, in] in a storage format (quantized, half, memory-mapped): the weight is
     * decoded panel by panel inside the kernel instead of being converted up front.
     */
    private static Tensor weightProduct(Tensor a, Tensor wT) {
        Tensor w = wT.mT();
        if (!w.isContiguous()) {
            throw new IllegalArgumentException("a " + wT.dtype() + " weight [out, in] can only be multiplied transposed, as x·Wᵀ");
        }
        return QuantMatMul.linear(a, WeightMatrix.of(w));
    }

    /** How a matrix (the last two dims of a tensor) is laid out for the GEMM. */
    private record Layout(boolean trans, int ld) {
        static Layout of(Tensor t) {
            int[] s = t.shape(), st = t.strides();
            int r = s.length, rows = s[r - 2], cols = s[r - 1];
            int sr = st[r - 2], sc = st[r - 1];
            if ((sc == 1 || cols == 1) && (sr >= cols || rows == 1)) return new Layout(false, Math.max(Math.max(sr, cols), 1));
            if ((sr == 1 || rows == 1) && (sc >= rows || cols == 1)) return new Layout(true, Math.max(Math.max(sc, rows), 1));
            return null;
        }
    }

    /** Batched product of rank ≥ 2 operands with broadcast batch dims. */
    private static Tensor product(Tensor a0, Tensor b0) {
        Tensor a = Layout.of(a0) == null ? a0.contiguous() : a0;
        Tensor b = Layout.of(b0) == null ? b0.contiguous() : b0;
        Layout la = Layout.of(a), lb = Layout.of(b);
        int[] as = a.shape(), bs = b.shape();
        int m = as[as.length - 2], k = as[as.length - 1], n = bs[bs.length - 1];
        int[] aBatch = Arrays.copyOf(as, as.length - 2), bBatch = Arrays.copyOf(bs, bs.length - 2);
        int[] batch = Shape.broadcast(aBatch, bBatch);
        int nb = Shape.numel(batch);
        int[] sa = batchStrides(a, batch), sb = batchStrides(b, batch);
        int[] outShape = Arrays.copyOf(batch, batch.length + 2);
        outShape[batch.length] = m;
        outShape[batch.length + 1] = n;
        float[] out = new float[Shape.numel(outShape)];
        float[] ad = a.data(), bd = b.data();
        Gemm gemm = GemmBackends.current();
        int mn = m * n;
        Parallel.RangeBody body = (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                int ao = a.offset(), bo = b.offset(), rem = i;
                for (int d = batch.length - 1; d >= 0; d--) {
                    int idx = rem % batch[d];
                    rem /= batch[d];
                    ao += idx * sa[d];
                    bo += idx * sb[d];
                }
                gemm.sgemm(la.trans(), lb.trans(), m, n, k, 1f, ad, ao, la.ld(), bd, bo, lb.ld(), 0f, out, i * mn, n);
            }
        };
        if (nb > 1 && (long) m * n * k < SMALL_GEMM) Parallel.forRange(nb, 1, body);
        else body.run(0, nb);
        int[] aShape = a0.shape(), bShape = b0.shape();
        return Tensor.result(out, outShape, "matmul", g -> new Tensor[] {
                a0.requiresGrad() ? Elementwise.sumTo(matmul(g, b.mT()), aShape) : null,
                b0.requiresGrad() ? Elementwise.sumTo(matmul(a.mT(), g), bShape) : null
        }, a0, b0);
    }

    /** Per-batch-dimension strides of t within the broadcast batch shape (0 where broadcast). */
    private static int[] batchStrides(Tensor t, int[] batch) {
        int[] ts = t.shape(), st = t.strides();
        int tb = ts.length - 2, r = batch.length;
        int[] s = new int[r];
        for (int i = 0; i < r; i++) {
            int j = i - (r - tb);
            s[i] = j < 0 || ts[j] == 1 ? 0 : st[j];
        }
        return s;
    }
}
