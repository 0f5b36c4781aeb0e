package io.genai4j.models.vae;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.ops.F;

/**
 * The evidence lower bound of one batch, per image, in nats:
 * <pre>
 *   log p(x) ≥ ELBO = E_q[log p(x|z)] − KL(q(z|x) ‖ p(z))
 *   −log p(x|z) = Σ_pixels BCE(logit, x)                    (Bernoulli decoder; grey pixels as targets)
 *   KL(N(μ, σ²) ‖ N(0, 1)) = ½·Σ_j (μ_j² + σ_j² − 1 − log σ_j²)   (closed form, Kingma &amp; Welling app. B)
 * </pre>
 * {@code loss} = reconstruction + β·KL averaged over the batch is what training minimises (β = 1 is
 * the ELBO itself).
 */
public record Elbo(Tensor loss, double reconstruction, double kl) {

    /** −ELBO per image: the reconstruction and KL terms, each a mean over the batch. */
    public double negativeElbo() {
        return reconstruction + kl;
    }

    public static Elbo of(ConvVae.Pass pass, Tensor images, float beta) {
        int b = images.size(0);
        Tensor rec = F.binaryCrossEntropyWithLogits(pass.logits(), images.detach()).sum().div(b);
        Tensor kl = kl(pass.posterior()).sum().div(b);
        return new Elbo(rec.add(kl.mul(beta)), rec.item(), kl.item());
    }

    /** KL(N(μ, σ²) ‖ N(0, I)) of each row: [B]. */
    public static Tensor kl(ConvVae.Posterior q) {
        Tensor mu = q.mu(), lv = q.logVar();
        return mu.mul(mu).add(lv.exp()).sub(1f).sub(lv).sum(1, false).mul(0.5f);
    }
}
