package io.genai4j.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vectorized loops over float arrays: elementwise maps, their derivatives, and reductions. Each
 * loop runs full vectors of the preferred species, then one masked vector for the tail, so every
 * formula is written once. Op selection is a switch per vector (16 floats), not per element.
 */
public final class VecMath {
    private VecMath() {}

    public static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    public static final int L = S.length();

    /** Elementwise binary operators. */
    public enum Binary { ADD, SUB, MUL, DIV }

    /** Elementwise unary maps (each with a derivative in {@link #unaryGrad}). */
    public enum Unary { EXP, LOG, SQRT, TANH, SIGMOID, RELU, GELU, GELU_TANH, SILU }

    private static final float SQRT_HALF = (float) Math.sqrt(0.5);
    private static final float INV_SQRT_2PI = (float) (1 / Math.sqrt(2 * Math.PI));
    private static final float SQRT_2_OVER_PI = (float) Math.sqrt(2 / Math.PI);
    private static final float GELU_C = 0.044715f;

    // ------------------------------------------------------------------------------ binary

    /**
     * out[i] = a[ao + i·as] op b[bo + i·bs] for i in [0, n). Strides 0 (a broadcast scalar) and 1
     * are vectorized; other strides take a scalar loop.
     */
    public static void binary(Binary op, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int n) {
        if ((as | bs) >>> 1 != 0) {   // a stride other than 0 or 1
            for (int i = 0; i < n; i++) out[oo + i] = scalar(op, a[ao + i * as], b[bo + i * bs]);
            return;
        }
        FloatVector va = as == 0 ? FloatVector.broadcast(S, a[ao]) : null;
        FloatVector vb = bs == 0 ? FloatVector.broadcast(S, b[bo]) : null;
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector x = va != null ? va : FloatVector.fromArray(S, a, ao + i);
            FloatVector y = vb != null ? vb : FloatVector.fromArray(S, b, bo + i);
            apply(op, x, y).intoArray(out, oo + i);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector x = va != null ? va : FloatVector.fromArray(S, a, ao + i, m);
            FloatVector y = vb != null ? vb : FloatVector.fromArray(S, b, bo + i, m);
            apply(op, x, y).intoArray(out, oo + i, m);
        }
    }

    private static FloatVector apply(Binary op, FloatVector x, FloatVector y) {
        return switch (op) {
            case ADD -> x.add(y);
            case SUB -> x.sub(y);
            case MUL -> x.mul(y);
            case DIV -> x.div(y);
        };
    }

    private static float scalar(Binary op, float x, float y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
        };
    }

    /** dst[dOff+i] += src[sOff+i]. */
    public static void addInto(float[] src, int sOff, float[] dst, int dOff, int n) {
        binary(Binary.ADD, dst, dOff, 1, src, sOff, 1, dst, dOff, n);
    }

    /** y[yo+i] += alpha · x[xo+i]. */
    public static void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        FloatVector va = FloatVector.broadcast(S, alpha);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, xo + i).fma(va, FloatVector.fromArray(S, y, yo + i)).intoArray(y, yo + i);
        }
        for (; i < n; i++) y[yo + i] += alpha * x[xo + i];
    }

    /** out[oo+i] = scale · x[xo+i] + shift. */
    public static void affine(float[] x, int xo, float scale, float shift, float[] out, int oo, int n) {
        FloatVector vs = FloatVector.broadcast(S, scale), vt = FloatVector.broadcast(S, shift);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, xo + i).fma(vs, vt).intoArray(out, oo + i);
        }
        for (; i < n; i++) out[oo + i] = x[xo + i] * scale + shift;
    }

    // ------------------------------------------------------------------------------ unary

    /** y[yo+i] = f(x[xo+i]). */
    public static void unary(Unary op, float[] x, int xo, float[] y, int yo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            apply(op, FloatVector.fromArray(S, x, xo + i)).intoArray(y, yo + i);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            apply(op, FloatVector.fromArray(S, x, xo + i, m)).intoArray(y, yo + i, m);
        }
    }

    /**
     * gx[i] = gy[i] · f'(x[i]), given the input x and the forward output y = f(x) (each derivative
     * uses whichever is cheaper).
     */
    public static void unaryGrad(Unary op, float[] x, int xo, float[] y, int yo, float[] gy, int go, float[] gx, int gxo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector vx = FloatVector.fromArray(S, x, xo + i);
            FloatVector vy = FloatVector.fromArray(S, y, yo + i);
            FloatVector vg = FloatVector.fromArray(S, gy, go + i);
            vg.mul(derivative(op, vx, vy)).intoArray(gx, gxo + i);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector vx = FloatVector.fromArray(S, x, xo + i, m);
            FloatVector vy = FloatVector.fromArray(S, y, yo + i, m);
            FloatVector vg = FloatVector.fromArray(S, gy, go + i, m);
            vg.mul(derivative(op, vx, vy)).intoArray(gx, gxo + i, m);
        }
    }

    static FloatVector apply(Unary op, FloatVector x) {
        return switch (op) {
            case EXP -> x.lanewise(VectorOperators.EXP);
            case LOG -> x.lanewise(VectorOperators.LOG);
            case SQRT -> x.sqrt();
            case TANH -> x.lanewise(VectorOperators.TANH);
            case SIGMOID -> sigmoid(x);
            case RELU -> x.max(0f);
            // GELU(x) = x·Φ(x) = 0.5·x·(1 + erf(x/√2))
            case GELU -> x.mul(0.5f).mul(erf(x.mul(SQRT_HALF)).add(1f));
            // GELU_tanh(x) = 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))
            case GELU_TANH -> x.mul(0.5f).mul(geluTanhInner(x).lanewise(VectorOperators.TANH).add(1f));
            // SiLU(x) = x·σ(x)
            case SILU -> x.mul(sigmoid(x));
        };
    }

    private static FloatVector derivative(Unary op, FloatVector x, FloatVector y) {
        return switch (op) {
            case EXP -> y;
            case LOG -> inv(x);
            case SQRT -> inv(y).mul(0.5f);
            case TANH -> y.mul(y).neg().add(1f);
            case SIGMOID -> y.mul(y.neg().add(1f));
            case RELU -> FloatVector.broadcast(S, 1f).blend(0f, x.compare(VectorOperators.LE, 0f));
            // d/dx x·Φ(x) = Φ(x) + x·φ(x)
            case GELU -> {
                FloatVector cdf = erf(x.mul(SQRT_HALF)).add(1f).mul(0.5f);
                FloatVector pdf = x.mul(x).mul(-0.5f).lanewise(VectorOperators.EXP).mul(INV_SQRT_2PI);
                yield x.fma(pdf, cdf);
            }
            // t = tanh(u), u = √(2/π)(x + c·x³):  0.5(1+t) + 0.5·x·(1−t²)·√(2/π)(1 + 3c·x²)
            case GELU_TANH -> {
                FloatVector t = geluTanhInner(x).lanewise(VectorOperators.TANH);
                FloatVector du = x.mul(x).mul(3 * GELU_C).add(1f).mul(SQRT_2_OVER_PI);
                FloatVector sech2 = t.mul(t).neg().add(1f);
                yield t.add(1f).mul(0.5f).add(x.mul(0.5f).mul(sech2).mul(du));
            }
            // σ(x)·(1 + x·(1 − σ(x)))
            case SILU -> {
                FloatVector s = sigmoid(x);
                yield s.mul(x.mul(s.neg().add(1f)).add(1f));
            }
        };
    }

    private static FloatVector inv(FloatVector x) {
        return FloatVector.broadcast(S, 1f).div(x);
    }

    private static FloatVector sigmoid(FloatVector x) {
        return inv(x.neg().lanewise(VectorOperators.EXP).add(1f));
    }

    private static FloatVector geluTanhInner(FloatVector x) {
        return x.mul(x).mul(x).mul(GELU_C).add(x).mul(SQRT_2_OVER_PI);
    }

    /**
     * erf(x), Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7, under float resolution of
     * 1 + erf):  erf(|x|) = 1 − (a1·t + a2·t² + a3·t³ + a4·t⁴ + a5·t⁵)·e^(−x²),  t = 1/(1 + p·|x|).
     */
    public static FloatVector erf(FloatVector x) {
        FloatVector ax = x.abs();
        FloatVector t = inv(ax.mul(0.3275911f).add(1f));
        FloatVector poly = t.mul(1.061405429f).add(-1.453152027f)
                .fma(t, FloatVector.broadcast(S, 1.421413741f))
                .fma(t, FloatVector.broadcast(S, -0.284496736f))
                .fma(t, FloatVector.broadcast(S, 0.254829592f))
                .mul(t);
        FloatVector e = ax.mul(ax).neg().lanewise(VectorOperators.EXP);
        FloatVector r = poly.mul(e).neg().add(1f);
        return r.blend(r.neg(), x.compare(VectorOperators.LT, 0f));
    }

    /** Scalar erf with the same formula, for callers outside vector loops. */
    public static float erf(float x) {
        double ax = Math.abs(x);
        double t = 1 / (1 + 0.3275911 * ax);
        double poly = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t;
        double r = 1 - poly * Math.exp(-ax * ax);
        return (float) (x < 0 ? -r : r);
    }

    /** y[yo+i] = x[xo+i]^p (p = 2, 0.5, −0.5, −1 take exact fast paths). */
    public static void pow(float[] x, int xo, float p, float[] y, int yo, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            pow(FloatVector.fromArray(S, x, xo + i), p).intoArray(y, yo + i);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            pow(FloatVector.fromArray(S, x, xo + i, m), p).intoArray(y, yo + i, m);
        }
    }

    private static FloatVector pow(FloatVector v, float p) {
        if (p == 2f) return v.mul(v);
        if (p == 1f) return v;
        if (p == 0.5f) return v.sqrt();
        if (p == -0.5f) return inv(v.sqrt());
        if (p == -1f) return inv(v);
        return v.lanewise(VectorOperators.POW, p);
    }

    // ------------------------------------------------------------------------------ reductions

    /** Σ x[off .. off+n). */
    public static float sum(float[] x, int off, int n) {
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) acc = acc.add(FloatVector.fromArray(S, x, off + i));
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) s += x[off + i];
        return s;
    }

    /** max x[off .. off+n) (n ≥ 1). */
    public static float max(float[] x, int off, int n) {
        FloatVector acc = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) acc = acc.max(FloatVector.fromArray(S, x, off + i));
        float m = acc.reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) m = Math.max(m, x[off + i]);
        return m;
    }

    /** Σ a[ao+i]·b[bo+i]. */
    public static float dot(float[] a, int ao, float[] b, int bo, int n) {
        FloatVector acc0 = FloatVector.zero(S), acc1 = FloatVector.zero(S);
        int i = 0;
        for (int bound = n - 2 * L; i <= bound; i += 2 * L) {
            acc0 = FloatVector.fromArray(S, a, ao + i).fma(FloatVector.fromArray(S, b, bo + i), acc0);
            acc1 = FloatVector.fromArray(S, a, ao + i + L).fma(FloatVector.fromArray(S, b, bo + i + L), acc1);
        }
        for (int bound = S.loopBound(n); i < bound; i += L) {
            acc0 = FloatVector.fromArray(S, a, ao + i).fma(FloatVector.fromArray(S, b, bo + i), acc0);
        }
        float s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) s += a[ao + i] * b[bo + i];
        return s;
    }

    /** Σ (x[i] − mean)². */
    public static float sumSquaredDeviation(float[] x, int off, int n, float mean) {
        FloatVector acc = FloatVector.zero(S);
        FloatVector vm = FloatVector.broadcast(S, mean);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector d = FloatVector.fromArray(S, x, off + i).sub(vm);
            acc = d.fma(d, acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float d = x[off + i] - mean;
            s += d * d;
        }
        return s;
    }

    /** y[yo+i] = exp(x[xo+i] − shift); returns Σ y (the softmax denominator). */
    public static float expShiftSum(float[] x, int xo, float shift, float[] y, int yo, int n) {
        FloatVector acc = FloatVector.zero(S);
        FloatVector vs = FloatVector.broadcast(S, shift);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector e = FloatVector.fromArray(S, x, xo + i).sub(vs).lanewise(VectorOperators.EXP);
            e.intoArray(y, yo + i);
            acc = acc.add(e);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector e = FloatVector.fromArray(S, x, xo + i, m).sub(vs).lanewise(VectorOperators.EXP);
            e.intoArray(y, yo + i, m);
            acc = acc.add(e, m);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    /** Σ exp(x[xo+i] − shift), without storing. */
    public static float sumExpShift(float[] x, int xo, float shift, int n) {
        FloatVector acc = FloatVector.zero(S);
        FloatVector vs = FloatVector.broadcast(S, shift);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            acc = acc.add(FloatVector.fromArray(S, x, xo + i).sub(vs).lanewise(VectorOperators.EXP));
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            acc = acc.add(FloatVector.fromArray(S, x, xo + i, m).sub(vs).lanewise(VectorOperators.EXP), m);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    /** x[off+i] *= s. */
    public static void scale(float[] x, int off, int n, float s) {
        affine(x, off, s, 0f, x, off, n);
    }
}
