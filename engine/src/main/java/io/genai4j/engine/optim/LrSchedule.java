package io.genai4j.engine.optim;

/** Learning rate as a function of the iteration number (0-based). */
@FunctionalInterface
public interface LrSchedule {
    double lr(int iter);

    static LrSchedule constant(double lr) {
        return it -> lr;
    }

    /**
     * nanoGPT's get_lr: linear warmup for warmupIters, cosine decay to minLr at decayIters, then
     * minLr:  lr·(it+1)/(warmup+1);  minLr + ½(1 + cos(π·r))·(lr − minLr), r = (it−warmup)/(decay−warmup).
     */
    static LrSchedule warmupCosine(double lr, double minLr, int warmupIters, int decayIters) {
        return it -> {
            if (it < warmupIters) return lr * (it + 1) / (warmupIters + 1);
            if (it > decayIters) return minLr;
            double r = decayIters == warmupIters ? 1 : (double) (it - warmupIters) / (decayIters - warmupIters);
            return minLr + 0.5 * (1 + Math.cos(Math.PI * r)) * (lr - minLr);
        };
    }

    /**
     * "Attention Is All You Need", eq. 3: lr = d_model^−0.5 · min(step^−0.5, step·warmup^−1.5), step = it+1,
     * optionally multiplied by a factor.
     */
    static LrSchedule inverseSqrt(int dModel, int warmupSteps, double factor) {
        return it -> {
            double step = it + 1;
            return factor * Math.pow(dModel, -0.5) * Math.min(Math.pow(step, -0.5), step * Math.pow(warmupSteps, -1.5));
        };
    }
}
