package io.genai4j.models.diffusion;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.LayerNorm;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.nn.PositionalEncoding;
import io.genai4j.engine.ops.F;

/**
 * ε_θ(x_t, t) for latent vectors: the step t enters as a sinusoidal embedding (as positions do in
 * the Transformer) through a small MLP, and is added to the input of every residual block:
 * <pre>
 *   e = W₂·SiLU(W₁·PE(t));  h = W_in·x_t
 *   h = h + W_b·SiLU(LN(h + e))        (depth blocks)
 *   ε̂ = W_out·SiLU(LN(h))
 * </pre>
 */
public final class LatentDenoiser extends Module {
    /** Sizes: latent dimensions, hidden width, residual blocks, diffusion steps T. */
    public record Config(int latent, int hidden, int depth, int steps) {
        public Config {
            if (latent < 1 || hidden < 2 || hidden % 2 != 0 || depth < 1 || steps < 2) {
                throw new IllegalArgumentException("denoiser needs latent >= 1, an even --hidden >= 2, --depth >= 1 and T >= 2");
            }
        }
    }

    /** One residual block. */
    static final class Block extends Module {
        final LayerNorm norm;
        final Linear fc;

        Block(int hidden, Rng rng) {
            norm = add("norm", new LayerNorm(hidden));
            fc = add("fc", new Linear(hidden, hidden, true, rng));
        }

        Tensor forward(Tensor h, Tensor e) {
            return h.add(fc.forward(norm.forward(h.add(e)).silu()));
        }
    }

    public final Config config;
    private final Tensor timeTable;        // [T + 1, hidden], fixed
    final Linear time1, time2, in, out;
    final LayerNorm outNorm;
    final Block[] blocks;

    public LatentDenoiser(Config c, Rng rng) {
        this.config = c;
        timeTable = PositionalEncoding.table(c.steps() + 1, c.hidden());
        time1 = add("time1", new Linear(c.hidden(), c.hidden(), true, rng));
        time2 = add("time2", new Linear(c.hidden(), c.hidden(), true, rng));
        in = add("in", new Linear(c.latent(), c.hidden(), true, rng));
        blocks = new Block[c.depth()];
        for (int i = 0; i < blocks.length; i++) blocks[i] = add("block" + i, new Block(c.hidden(), rng));
        outNorm = add("out_norm", new LayerNorm(c.hidden()));
        out = add("out", new Linear(c.hidden(), c.latent(), true, rng));
    }

    /** ε̂ [B, latent] for x_t [B, latent] at steps t (1-based, one per row). */
    public Tensor forward(Tensor xt, int[] t) {
        Tensor e = time2.forward(time1.forward(F.embedding(timeTable, t, t.length)).silu());
        Tensor h = in.forward(xt);
        for (Block b : blocks) h = b.forward(h, e);
        return out.forward(outNorm.forward(h).silu());
    }
}
