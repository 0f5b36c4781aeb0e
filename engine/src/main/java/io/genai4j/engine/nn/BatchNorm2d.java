package io.genai4j.engine.nn;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.ops.F;

/**
 * Batch norm over the channels of NCHW images, with PyTorch's names (weight, bias, running_mean,
 * running_var) and defaults (momentum 0.1, ε 1e-5): batch statistics in training mode, the running
 * estimates after {@link #eval()}.
 */
public final class BatchNorm2d extends Module implements Layer {
    public final Tensor weight, bias, runningMean, runningVar;
    private final float momentum, eps;

    public BatchNorm2d(int channels) {
        this(channels, 0.1f, 1e-5f);
    }

    public BatchNorm2d(int channels, float momentum, float eps) {
        this.weight = param("weight", Tensor.ones(channels));
        this.bias = param("bias", Tensor.zeros(channels));
        this.runningMean = buffer("running_mean", Tensor.zeros(channels));
        this.runningVar = buffer("running_var", Tensor.ones(channels));
        this.momentum = momentum;
        this.eps = eps;
    }

    @Override
    public Tensor forward(Tensor x) {
        return F.batchNorm2d(x, weight, bias, runningMean, runningVar, isTraining(), momentum, eps);
    }
}
