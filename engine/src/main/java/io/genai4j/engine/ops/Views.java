package io.genai4j.engine.ops;

import io.genai4j.engine.DType;
import io.genai4j.engine.Shape;
import io.genai4j.engine.Storage;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.kernels.Strided;
import io.genai4j.engine.quant.FloatDecoder;
import io.genai4j.engine.quant.HalfFloats;
import io.genai4j.engine.quant.WeightMatrix;
import java.util.Arrays;

/**
 * Views share storage with their base and differ only in shape, strides and offset: reshape,
 * permute, narrow, expand. Their backward rules map the gradient back onto the base's shape.
 */
public final class Views {
    private Views() {}

    public static Tensor reshape(Tensor x, int... newShape) {
        int[] from = x.shape();
        int[] to = Shape.infer(newShape, x.numel());
        if (Arrays.equals(from, to)) return x;
        int[] strides = Shape.viewStrides(from, x.strides(), to);
        Tensor base = strides != null ? x : x.contiguous();
        if (strides == null) strides = Shape.contiguousStrides(to);
        Tensor out = new Tensor(base.storage(), to, strides, base.offset());
        return out.attach("reshape", g -> new Tensor[] {g.reshape(from)}, x);
    }

    public static Tensor permute(Tensor x, int... dims) {
        int r = x.dim();
        if (dims.length != r) throw new IllegalArgumentException("permute needs " + r + " dimensions, got " + Arrays.toString(dims));
        int[] shape = x.shape(), strides = x.strides();
        int[] ns = new int[r], nst = new int[r], inverse = new int[r];
        boolean[] seen = new boolean[r];
        for (int i = 0; i < r; i++) {
            int d = Shape.dim(dims[i], r);
            if (seen[d]) throw new IllegalArgumentException("permute repeats dimension " + d + " in " + Arrays.toString(dims));
            seen[d] = true;
            ns[i] = shape[d];
            nst[i] = strides[d];
            inverse[d] = i;
        }
        Tensor out = new Tensor(x.storage(), ns, nst, x.offset());
        return out.attach("permute", g -> new Tensor[] {g.permute(inverse)}, x);
    }

    public static Tensor narrow(Tensor x, int dim, int start, int length) {
        int d = Shape.dim(dim, x.dim());
        int[] shape = x.shape(), strides = x.strides();
        if (start < 0 || length < 0 || start + length > shape[d]) {
            throw new IllegalArgumentException("narrow(" + dim + ", " + start + ", " + length + ") out of range for size " + shape[d]);
        }
        int[] full = x.shape();
        shape[d] = length;
        Tensor out = new Tensor(x.storage(), shape, strides, x.offset() + start * strides[d]);
        return out.attach("narrow", g -> {
            Tensor gx = Tensor.zeros(full);
            Tensor slot = new Tensor(gx.storage(), g.shape(), gx.strides(), start * gx.strides()[d]);
            Tensor gc = g.contiguous();
            Strided.copy(g.shape(), gc.data(), gc.offset(), gc.strides(), gx.data(), slot.offset(), slot.strides());
            return new Tensor[] {gx};
        }, x);
    }

    public static Tensor expand(Tensor x, int... target) {
        int[] shape = x.shape(), strides = x.strides();
        int r = target.length;
        if (r < shape.length) throw new IllegalArgumentException("cannot expand " + Shape.str(shape) + " to fewer dimensions " + Shape.str(target));
        int[] ns = new int[r], nst = new int[r];
        for (int i = 0; i < r; i++) {
            int j = i - (r - shape.length);
            int have = j < 0 ? 1 : shape[j];
            int want = target[i] == -1 ? have : target[i];
            if (have == want) {
                ns[i] = have;
                nst[i] = j < 0 ? 0 : strides[j];
            } else if (have == 1) {
                ns[i] = want;
                nst[i] = 0;
            } else {
                throw new IllegalArgumentException("cannot expand " + Shape.str(shape) + " to " + Shape.str(target));
            }
        }
        if (Arrays.equals(ns, shape)) return x;
        Tensor out = new Tensor(x.storage(), ns, nst, x.offset());
        return out.attach("expand", g -> new Tensor[] {Elementwise.sumTo(g, shape)}, x);
    }

    /** A contiguous copy (differentiable). */
    public static Tensor copy(Tensor x) {
        int[] shape = x.shape();
        float[] out = new float[x.numel()];
        Strided.copy(shape, x.data(), x.offset(), x.strides(), out, 0, Shape.contiguousStrides(shape));
        return Tensor.result(out, shape, "contiguous", g -> new Tensor[] {g}, x);
    }

    /**
     * Conversion between F32, F16 and BF16 (F16/BF16 tensors are storage only: no gradient). To F32
     * always yields a heap tensor, so memory-mapped F32 weights are copied once here.
     */
    public static Tensor convert(Tensor x, DType target) {
        if (x.dtype() == target && (target != DType.F32 || x.storage() instanceof Storage.F32)) return x;
        int[] shape = x.shape();
        int n = x.numel();
        if (target == DType.F32) {
            float[] out = new float[n];
            switch (x.storage()) {
                case Storage.Half h -> {
                    short[] src = h.data();
                    int[] idx = contiguousIndices(x);
                    boolean bf16 = h.dtype() == DType.BF16;
                    for (int i = 0; i < n; i++) {
                        short bits = src[idx == null ? x.offset() + i : idx[i]];
                        out[i] = bf16 ? HalfFloats.bf16ToF32(bits) : HalfFloats.f16ToF32(bits);
                    }
                }
                case Storage.Segment s -> {
                    if (!x.isContiguous()) throw new IllegalArgumentException("only contiguous memory-mapped tensors can be converted");
                    if (s.dtype().isQuantized()) {
                        // Block formats decode row by row (blocks run along the last dimension).
                        int cols = x.size(-1);
                        var w = WeightMatrix.of(x.reshape(n / Math.max(cols, 1), cols));
                        float[] all = new float[n];
                        byte[] scratch = w.scratch(1);
                        for (int r = 0; r < w.rows(); r++) w.decodeRows(r, 1, all, r * cols, scratch);
                        return Tensor.of(all, shape);
                    }
                    long bytes = s.dtype().bytes();
                    return Tensor.of(FloatDecoder.decode(s.dtype(), s.segment().asSlice(x.offset() * bytes, n * bytes), n), shape);
                }
                case Storage.F32 f -> throw new AssertionError("F32 heap tensors are returned above");
            }
            return Tensor.of(out, shape);
        }
        if (target == DType.F16 || target == DType.BF16) {
            float[] src = x.to(DType.F32).toArray();
            short[] out = new short[n];
            for (int i = 0; i < n; i++) out[i] = target == DType.BF16 ? HalfFloats.f32ToBf16(src[i]) : HalfFloats.f32ToF16(src[i]);
            return new Tensor(new Storage.Half(out, target), shape, Shape.contiguousStrides(shape), 0);
        }
        throw new IllegalArgumentException("cannot convert a tensor to " + target + " (supported: F32, F16, BF16)");
    }

    /** Storage indices of a non-contiguous tensor's elements in row-major order; null if contiguous. */
    private static int[] contiguousIndices(Tensor x) {
        if (x.isContiguous()) return null;
        int n = x.numel();
        int[] idx = new int[n];
        int[] shape = x.shape(), strides = x.strides();
        int si = shape.length == 0 ? 1 : strides[shape.length - 1];
        int[] k = {0};
        Strided.rows(shape, new int[] {x.offset()}, new int[][] {strides}, (p, len) -> {
            for (int j = 0; j < len; j++) idx[k[0]++] = p[0] + j * si;
        });
        return idx;
    }
}
