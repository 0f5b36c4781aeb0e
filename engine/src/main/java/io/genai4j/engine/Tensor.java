package io.genai4j.engine;

import io.genai4j.engine.autograd.Autograd;
import io.genai4j.engine.autograd.Backward;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.autograd.Node;
import io.genai4j.engine.ops.Elementwise;
import io.genai4j.engine.ops.MatMul;
import io.genai4j.engine.ops.Reductions;
import io.genai4j.engine.ops.Softmax;
import io.genai4j.engine.ops.Unary;
import io.genai4j.engine.ops.Views;
import java.util.Arrays;

/**
 * An n-dimensional array: a shape, strides and an offset into a {@link Storage}. Views (reshape,
 * permute, narrow, expand) share storage; {@link #contiguous()} copies only when the layout needs
 * it. F32 tensors may require gradients: every op on them records a {@link Node} on the tape and
 * {@link #backward()} walks it in reverse.
 *
 * <p>The methods here are the tensor-math vocabulary models are written in; the kernels live in
 * {@code io.genai4j.engine.ops} and {@code io.genai4j.engine.kernels}, nn-style functions
 * (layer norm, cross-entropy, embedding...) in {@link io.genai4j.engine.ops.F}.
 */
public final class Tensor {

    private final Storage storage;
    private final int[] shape;
    private final int[] strides;
    private final int offset;

    private boolean requiresGrad;
    private Tensor grad;
    private Node gradFn;

    public Tensor(Storage storage, int[] shape, int[] strides, int offset) {
        if (shape.length != strides.length) throw new IllegalArgumentException("shape and strides differ in rank");
        this.storage = storage;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
    }

    // ---------------------------------------------------------------------------------- creation

    /** Wraps an F32 array (no copy) as a contiguous tensor of the given shape. */
    public static Tensor of(float[] data, int... shape) {
        int n = Shape.numel(shape);
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Shape.str(shape) + " needs " + n + " elements, got " + data.length);
        }
        return new Tensor(new Storage.F32(data), shape.clone(), Shape.contiguousStrides(shape), 0);
    }

    /** A 0-dimensional tensor holding one value. */
    public static Tensor scalar(float value) {
        return of(new float[] {value});
    }

    public static Tensor zeros(int... shape) {
        return of(new float[Shape.numel(shape)], shape);
    }

    public static Tensor full(float value, int... shape) {
        float[] d = new float[Shape.numel(shape)];
        Arrays.fill(d, value);
        return of(d, shape);
    }

    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    /** 0, 1, ..., n-1. */
    public static Tensor arange(int n) {
        float[] d = new float[n];
        for (int i = 0; i < n; i++) d[i] = i;
        return of(d, n);
    }

    /** Standard normal samples from a seeded generator. */
    public static Tensor randn(Rng rng, int... shape) {
        float[] d = new float[Shape.numel(shape)];
        for (int i = 0; i < d.length; i++) d[i] = (float) rng.nextGaussian();
        return of(d, shape);
    }

    /** Uniform samples in [lo, hi) from a seeded generator. */
    public static Tensor uniform(Rng rng, float lo, float hi, int... shape) {
        float[] d = new float[Shape.numel(shape)];
        for (int i = 0; i < d.length; i++) d[i] = lo + (hi - lo) * rng.nextFloat();
        return of(d, shape);
    }

    /**
     * The output of an op: wraps data of the given shape and, when recording is on and some input
     * requires a gradient, attaches the op's backward rule.
     */
    public static Tensor result(float[] data, int[] shape, String op, Backward backward, Tensor... inputs) {
        Tensor out = of(data, shape);
        out.attach(op, backward, inputs);
        return out;
    }

    /** Records (op, backward, inputs) as how this tensor was made, if any input needs a gradient. */
    public Tensor attach(String op, Backward backward, Tensor... inputs) {
        if (!Grad.enabled()) return this;
        for (Tensor in : inputs) {
            if (in != null && in.requiresGrad) {
                this.requiresGrad = true;
                this.gradFn = new Node(op, inputs, backward);
                return this;
            }
        }
        return this;
    }

    // ---------------------------------------------------------------------------------- layout

    /** The shape (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** The strides in elements (a copy). */
    public int[] strides() {
        return strides.clone();
    }

    public int offset() {
        return offset;
    }

    public Storage storage() {
        return storage;
    }

    public DType dtype() {
        return storage.dtype();
    }

    /** Number of dimensions. */
    public int dim() {
        return shape.length;
    }

    /** Size of dimension d (negative counts from the end). */
    public int size(int d) {
        return shape[Shape.dim(d, shape.length)];
    }

    public int numel() {
        return Shape.numel(shape);
    }

    /** True when elements are laid out row-major without gaps, so data()[offset ..] is the tensor. */
    public boolean isContiguous() {
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && strides[i] != expected) return false;
            expected *= shape[i];
        }
        return true;
    }

    /**
     * The F32 array behind this tensor. Element (i0, i1, ...) is at offset() + Σ i_k·strides()[k].
     * Throws a clear error for other dtypes (convert with {@link #to(DType)}).
     */
    public float[] data() {
        if (storage instanceof Storage.F32 f) return f.data();
        throw new IllegalStateException("tensor has dtype " + storage.dtype() + " in "
                + storage.getClass().getSimpleName() + " storage; convert it with .to(DType.F32) before computing");
    }

    // ---------------------------------------------------------------------------------- values

    /** The value of a one-element tensor. */
    public float item() {
        if (numel() != 1) throw new IllegalStateException("item() needs one element, tensor has shape " + Shape.str(shape));
        return data()[offset];
    }

    /** The element at the given indices. */
    public float get(int... idx) {
        return data()[index(idx)];
    }

    /** Flat storage index of the element at idx. */
    public int index(int... idx) {
        if (idx.length != shape.length) {
            throw new IllegalArgumentException("expected " + shape.length + " indices, got " + idx.length);
        }
        int p = offset;
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= shape[i]) {
                throw new IndexOutOfBoundsException("index " + idx[i] + " out of range for dimension " + i + " of size " + shape[i]);
            }
            p += idx[i] * strides[i];
        }
        return p;
    }

    /** The elements in row-major order, as a new array. */
    public float[] toArray() {
        Tensor c = contiguous();
        float[] d = c.data();
        int n = numel();
        if (c.offset == 0 && d.length == n) return c == this ? d.clone() : d;
        return Arrays.copyOfRange(d, c.offset, c.offset + n);
    }

    /** This tensor converted to another dtype (F32, F16 or BF16); this itself if already that dtype. */
    public Tensor to(DType target) {
        return Views.convert(this, target);
    }

    // ---------------------------------------------------------------------------------- views

    /** Same elements, new shape (one dimension may be -1). A view when the layout allows. */
    public Tensor reshape(int... newShape) {
        return Views.reshape(this, newShape);
    }

    /** Reorders dimensions: result dimension i is this tensor's dimension dims[i]. A view. */
    public Tensor permute(int... dims) {
        return Views.permute(this, dims);
    }

    /** Swaps two dimensions. A view. */
    public Tensor transpose(int d0, int d1) {
        int r = shape.length;
        int[] p = new int[r];
        for (int i = 0; i < r; i++) p[i] = i;
        int a = Shape.dim(d0, r), b = Shape.dim(d1, r);
        p[a] = b;
        p[b] = a;
        return permute(p);
    }

    /** The transpose of the last two dimensions (Xᵀ in the papers). A view. */
    public Tensor mT() {
        return transpose(-2, -1);
    }

    /** Elements [start, start+length) along dim. A view. */
    public Tensor narrow(int dim, int start, int length) {
        return Views.narrow(this, dim, start, length);
    }

    /** The slice at index i of dim, with that dimension removed. A view. */
    public Tensor select(int dim, int i) {
        int d = Shape.dim(dim, shape.length);
        return narrow(d, i, 1).squeeze(d);
    }

    /** Broadcasts size-1 dimensions (and new leading ones) to the given shape. A view (stride 0). */
    public Tensor expand(int... newShape) {
        return Views.expand(this, newShape);
    }

    /** Inserts a dimension of size 1 at dim. A view. */
    public Tensor unsqueeze(int dim) {
        int r = shape.length + 1;
        int d = Shape.dim(dim, r);
        int[] s = new int[r];
        for (int i = 0, j = 0; i < r; i++) s[i] = i == d ? 1 : shape[j++];
        return reshape(s);
    }

    /** Removes dimension dim, which must have size 1. A view. */
    public Tensor squeeze(int dim) {
        int d = Shape.dim(dim, shape.length);
        if (shape[d] != 1) throw new IllegalArgumentException("cannot squeeze dimension " + dim + " of size " + shape[d]);
        int[] s = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) if (i != d) s[j++] = shape[i];
        return reshape(s);
    }

    /** A row-major copy when needed, else this tensor. */
    public Tensor contiguous() {
        return isContiguous() ? this : Views.copy(this);
    }

    // ---------------------------------------------------------------------------------- arithmetic

    public Tensor add(Tensor o) {
        return Elementwise.binary(Elementwise.Op.ADD, this, o);
    }

    public Tensor sub(Tensor o) {
        return Elementwise.binary(Elementwise.Op.SUB, this, o);
    }

    public Tensor mul(Tensor o) {
        return Elementwise.binary(Elementwise.Op.MUL, this, o);
    }

    public Tensor div(Tensor o) {
        return Elementwise.binary(Elementwise.Op.DIV, this, o);
    }

    public Tensor add(float s) {
        return Elementwise.affine(this, 1f, s);
    }

    public Tensor sub(float s) {
        return Elementwise.affine(this, 1f, -s);
    }

    public Tensor mul(float s) {
        return Elementwise.affine(this, s, 0f);
    }

    public Tensor div(float s) {
        return Elementwise.affine(this, 1f / s, 0f);
    }

    public Tensor neg() {
        return Elementwise.affine(this, -1f, 0f);
    }

    public Tensor exp() {
        return Unary.apply(Unary.Op.EXP, this);
    }

    public Tensor log() {
        return Unary.apply(Unary.Op.LOG, this);
    }

    public Tensor sqrt() {
        return Unary.apply(Unary.Op.SQRT, this);
    }

    public Tensor tanh() {
        return Unary.apply(Unary.Op.TANH, this);
    }

    public Tensor sigmoid() {
        return Unary.apply(Unary.Op.SIGMOID, this);
    }

    public Tensor relu() {
        return Unary.apply(Unary.Op.RELU, this);
    }

    /** LeakyReLU: x for x &gt; 0, slope·x otherwise. */
    public Tensor leakyRelu(float slope) {
        return Unary.leakyRelu(this, slope);
    }

    /** GELU(x) = x·Φ(x) with the exact Gaussian CDF (erf). */
    public Tensor gelu() {
        return Unary.apply(Unary.Op.GELU, this);
    }

    /** GELU with the tanh approximation of GPT-2: 0.5x(1+tanh(√(2/π)(x+0.044715x³))). */
    public Tensor geluTanh() {
        return Unary.apply(Unary.Op.GELU_TANH, this);
    }

    /** SiLU(x) = x·σ(x) (a.k.a. swish), used by Llama's MLP. */
    public Tensor silu() {
        return Unary.apply(Unary.Op.SILU, this);
    }

    /** x^p elementwise. */
    public Tensor pow(float p) {
        return Unary.pow(this, p);
    }

    /** Where mask is non-zero the result is value, elsewhere this tensor (mask broadcasts). */
    public Tensor maskedFill(Tensor mask, float value) {
        return Elementwise.maskedFill(this, mask, value);
    }

    // ---------------------------------------------------------------------------------- reductions

    /** Sum of all elements (a 0-d tensor). */
    public Tensor sum() {
        return Reductions.sumAll(this);
    }

    public Tensor sum(int dim, boolean keepDim) {
        return Reductions.sum(this, new int[] {dim}, keepDim);
    }

    public Tensor sum(int[] dims, boolean keepDim) {
        return Reductions.sum(this, dims, keepDim);
    }

    /** Mean of all elements (a 0-d tensor). */
    public Tensor mean() {
        return sum().mul(1f / numel());
    }

    public Tensor mean(int dim, boolean keepDim) {
        return sum(dim, keepDim).mul(1f / shape[Shape.dim(dim, shape.length)]);
    }

    /** Maximum along dim; the gradient flows to the (first) maximal element. */
    public Tensor max(int dim, boolean keepDim) {
        return Reductions.max(this, dim, keepDim);
    }

    /** Index of the maximum along the last dimension, one per row. */
    public int[] argmax() {
        return Reductions.argmaxLast(this);
    }

    // ---------------------------------------------------------------------------------- matmul, softmax

    /** Matrix product with NumPy semantics: batch dimensions broadcast, 1-D operands promoted. */
    public Tensor matmul(Tensor o) {
        return MatMul.matmul(this, o);
    }

    public Tensor softmax(int dim) {
        return Softmax.softmax(this, dim, false);
    }

    public Tensor logSoftmax(int dim) {
        return Softmax.softmax(this, dim, true);
    }

    // ---------------------------------------------------------------------------------- autograd

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Marks a leaf tensor (a parameter or an input) as needing a gradient. */
    public Tensor requiresGrad(boolean on) {
        if (gradFn != null && !on) throw new IllegalStateException("cannot clear requiresGrad on a tensor computed by " + gradFn.op());
        if (on && dtype() != DType.F32) throw new IllegalStateException("only F32 tensors can require gradients, this one is " + dtype());
        this.requiresGrad = on;
        return this;
    }

    /** The accumulated gradient, or null before the first backward. */
    public Tensor grad() {
        return grad;
    }

    public void zeroGrad() {
        grad = null;
    }

    /** How this tensor was computed, or null for a leaf. */
    public Node gradFn() {
        return gradFn;
    }

    /** The same data, cut off from the graph. */
    public Tensor detach() {
        return new Tensor(storage, shape, strides, offset);
    }

    /** Backpropagates from a one-element tensor (a loss). */
    public void backward() {
        if (numel() != 1) {
            throw new IllegalStateException("backward() without a gradient needs a one-element tensor, this has shape " + Shape.str(shape));
        }
        backward(Tensor.full(1f, shape));
    }

    /** Backpropagates with dL/d(this) = seed. */
    public void backward(Tensor seed) {
        Autograd.backward(this, seed);
    }

    /** Adds g into this leaf's gradient (the autograd engine calls this). */
    public void accumulateGrad(Tensor g) {
        if (grad == null) {
            grad = Views.copy(g);   // own a contiguous copy: g may be a view or shared
        } else {
            Elementwise.addInPlace(grad, g);
        }
    }

    /** Forgets the op that made this tensor (after backward), releasing the graph behind it. */
    public void releaseGraph() {
        gradFn = null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor").append(Shape.str(shape)).append(' ').append(dtype());
        if (storage instanceof Storage.F32) {
            float[] v = toArray();
            sb.append(" [");
            for (int i = 0; i < Math.min(v.length, 8); i++) sb.append(i == 0 ? "" : ", ").append(v[i]);
            if (v.length > 8) sb.append(", ...");
            sb.append(']');
        }
        if (gradFn != null) sb.append(" grad_fn=").append(gradFn.op());
        return sb.toString();
    }
}
