package io.genai4j.engine.nn;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.ops.F;

/** Group norm over NCHW images (Wu &amp; He 2018): per image and group of channels, then γ, β per channel. */
public final class GroupNorm extends Module implements Layer {
    public final Tensor weight, bias;
    private final int groups;
    private final float eps;

    public GroupNorm(int groups, int channels) {
        this(groups, channels, 1e-5f);
    }

    public GroupNorm(int groups, int channels, float eps) {
        if (groups < 1 || channels % groups != 0) throw new IllegalArgumentException(channels + " channels do not split into " + groups + " groups");
        this.weight = param("weight", Tensor.ones(channels));
        this.bias = param("bias", Tensor.zeros(channels));
        this.groups = groups;
        this.eps = eps;
    }

    @Override
    public Tensor forward(Tensor x) {
        return F.groupNorm(x, groups, weight, bias, eps);
    }
}
