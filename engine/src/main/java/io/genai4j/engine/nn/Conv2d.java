package io.genai4j.engine.nn;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.ops.ConvGeometry;
import io.genai4j.engine.ops.F;

/**
 * A 2-D convolution layer over NCHW images: weight [out, in/groups, kh, kw] and bias [out], named
 * and initialised as in PyTorch (W, b ~ U(±1/√fan_in), fan_in = in/groups·kh·kw).
 */
public final class Conv2d extends Module implements Layer {
    public final Tensor weight;
    public final Tensor bias;   // null without bias
    public final ConvGeometry geometry;

    public Conv2d(int in, int out, ConvGeometry geometry, boolean bias, Rng rng) {
        if (in % geometry.groups() != 0 || out % geometry.groups() != 0) {
            throw new IllegalArgumentException("conv2d channels " + in + " → " + out + " do not split into " + geometry.groups() + " groups");
        }
        this.geometry = geometry;
        this.weight = param("weight", Init.kaimingUniform(Tensor.zeros(out, in / geometry.groups(), geometry.kh(), geometry.kw()), Math.sqrt(5), rng));
        double bound = 1 / Math.sqrt(Init.fanIn(weight));
        this.bias = bias ? param("bias", Init.uniform(Tensor.zeros(out), -bound, bound, rng)) : null;
    }

    /** A square kernel with stride, padding, no dilation and one group. */
    public Conv2d(int in, int out, int kernel, int stride, int padding, Rng rng) {
        this(in, out, ConvGeometry.square(kernel, stride, padding, 1, 1), true, rng);
    }

    @Override
    public Tensor forward(Tensor x) {
        return F.conv2d(x, weight, bias, geometry);
    }
}
