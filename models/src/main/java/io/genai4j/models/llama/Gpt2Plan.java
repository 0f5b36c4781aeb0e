package io.genai4j.models.llama;

import static io.genai4j.models.llama.PlanWeights.floats;
import static io.genai4j.models.llama.PlanWeights.matrix;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.infer.DecoderPlan;
import io.genai4j.engine.infer.RopeTable;
import io.genai4j.engine.nn.Embedding;
import io.genai4j.engine.nn.LayerNorm;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.quant.MatVec;
import io.genai4j.engine.quant.WeightMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * A GPT-2 module tree as a {@link DecoderPlan}: {@link Gpt2Model}'s, and the GPT lesson's nanoGPT
 * model, whose parts have the same names and shapes. c_attn already is the fused Q|K|V matrix;
 * LayerNorms keep their shifts, every matrix its bias, wpe becomes the plan's learned positions.
 */
public final class Gpt2Plan {
    private Gpt2Plan() {}

    /** One block's modules, named as in GPT-2 (biases and norm shifts may be absent, as nanoGPT's bias=False). */
    public record Block(LayerNorm ln1, Linear cAttn, Linear attnProj, LayerNorm ln2, Linear cFc, Linear mlpProj) {}

    /**
     * @param c    the hyperparameters (arch gpt2: heads = kv heads, no RoPE)
     * @param head the output projection [vocab, dim]: lm_head, or wte's own matrix when tied
     */
    public static DecoderPlan of(LlamaConfig c, Embedding wte, Embedding wpe, List<Block> blocks, LayerNorm lnF, Tensor head) {
        if (c.arch() != Arch.GPT2) throw new IllegalArgumentException("a GPT-2 plan is for gpt2, not " + c.arch());
        List<DecoderPlan.Layer> layers = new ArrayList<>(blocks.size());
        for (Block b : blocks) {
            var biases = new DecoderPlan.Biases(floats(b.ln1().bias), floats(b.attnProj().bias), floats(b.ln2().bias),
                    floats(b.cFc().bias), floats(b.mlpProj().bias));
            layers.add(new DecoderPlan.Layer(floats(b.ln1().weight), MatVec.prepared(matrix(b.cAttn())), floats(b.cAttn().bias), null, null,
                    MatVec.prepared(matrix(b.attnProj())), floats(b.ln2().weight), MatVec.prepared(matrix(b.cFc())),
                    MatVec.prepared(matrix(b.mlpProj())), biases));
        }
        var dims = new DecoderPlan.Dims(c.dim(), c.heads(), c.kvHeads(), c.headDim(), c.ffnDim(), c.vocabSize());
        var style = new DecoderPlan.Style(DecoderPlan.Norm.LAYER,
                c.geluErf() ? DecoderPlan.FeedForward.GELU_ERF : DecoderPlan.FeedForward.GELU_TANH,
                WeightMatrix.of(wpe.weight), floats(lnF.bias));
        return new DecoderPlan(dims, c.contextLength(), c.normEps(), RopeTable.NONE, WeightMatrix.of(wte.weight), layers,
                floats(lnF.weight), MatVec.prepared(WeightMatrix.of(head)), style);
    }
}
