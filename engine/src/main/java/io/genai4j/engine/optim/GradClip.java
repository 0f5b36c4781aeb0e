package io.genai4j.engine.optim;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.kernels.VecMath;
import java.util.List;

/** Global gradient-norm clipping (torch.nn.utils.clip_grad_norm_). */
public final class GradClip {
    private GradClip() {}

    /**
     * Scales all gradients by maxNorm/(‖g‖ + 1e−6) when their joint L2 norm exceeds maxNorm.
     * Returns the norm before clipping.
     */
    public static double clipGradNorm(List<Tensor> params, double maxNorm) {
        double sq = 0;
        for (Tensor p : params) {
            Tensor g = p.grad();
            if (g == null) continue;
            float[] d = g.data();
            sq += VecMath.dot(d, g.offset(), d, g.offset(), g.numel());
        }
        double norm = Math.sqrt(sq);
        if (norm > maxNorm) {
            float coef = (float) (maxNorm / (norm + 1e-6));
            for (Tensor p : params) {
                Tensor g = p.grad();
                if (g != null) VecMath.scale(g.data(), g.offset(), g.numel(), coef);
            }
        }
        return norm;
    }
}
