package io.genai4j.models.llama;

import static io.genai4j.models.llama.PlanWeights.floats;
import static io.genai4j.models.llama.PlanWeights.matrix;

import io.genai4j.engine.infer.DecoderPlan;
import io.genai4j.engine.infer.PlanAdapters;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.RMSNorm;
import io.genai4j.engine.quant.MatVec;
import io.genai4j.engine.quant.WeightMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link LlamaModel}'s module tree as a {@link DecoderPlan}: the same weight tensors (no copy of a
 * matrix), Q|K|V and gate|up grouped, the norms as float arrays, the rope table the modules use.
 */
final class LlamaPlan {
    private LlamaPlan() {}

    static DecoderPlan of(LlamaModel m, Rope rope) {
        LlamaConfig c = m.config();
        int qDim = c.qDim(), kvDim = c.kvDim();
        List<DecoderPlan.Layer> layers = new ArrayList<>(m.layers.length);
        for (LlamaBlock b : m.layers) {
            LlamaAttention a = b.selfAttn;
            float[] bias = null;
            if (a.qProj.bias != null || a.kProj.bias != null || a.vProj.bias != null) {
                bias = new float[qDim + 2 * kvDim];
                copyBias(a.qProj, bias, 0);
                copyBias(a.kProj, bias, qDim);
                copyBias(a.vProj, bias, qDim + kvDim);
            }
            if (a.oProj.bias != null) throw new IllegalStateException("an output projection bias is not supported by the inference path");
            layers.add(new DecoderPlan.Layer(weights(b.inputLayernorm),
                    MatVec.prepared(matrix(a.qProj), matrix(a.kProj), matrix(a.vProj)), bias,
                    a.qNorm == null ? null : weights(a.qNorm), a.kNorm == null ? null : weights(a.kNorm),
                    MatVec.prepared(matrix(a.oProj)), weights(b.postAttentionLayernorm),
                    MatVec.prepared(matrix(b.mlp.gateProj), matrix(b.mlp.upProj)), MatVec.prepared(matrix(b.mlp.downProj))));
        }
        var dims = new DecoderPlan.Dims(c.dim(), c.heads(), c.kvHeads(), c.headDim(), c.ffnDim(), c.vocabSize());
        return new DecoderPlan(dims, c.contextLength(), c.normEps(), rope.table(), WeightMatrix.of(m.embedTokens.weight),
                layers, weights(m.norm), MatVec.prepared(matrix(m.lmHead)));
    }

    /** The unmerged LoRA adapters on the model's layers in the groups the plan fuses (see {@link PlanSides}); null when none. */
    static PlanAdapters adapters(LlamaModel m) {
        LlamaConfig c = m.config();
        PlanSides sides = new PlanSides();
        for (LlamaBlock b : m.layers) {
            LlamaAttention a = b.selfAttn;
            sides.layer(List.of(new PlanSides.Site(a.qProj, 0), new PlanSides.Site(a.kProj, c.qDim()), new PlanSides.Site(a.vProj, c.qDim() + c.kvDim())),
                    List.of(new PlanSides.Site(a.oProj, 0)),
                    List.of(new PlanSides.Site(b.mlp.gateProj, 0), new PlanSides.Site(b.mlp.upProj, c.ffnDim())),
                    List.of(new PlanSides.Site(b.mlp.downProj, 0)));
        }
        return sides.build(m.lmHead);
    }

    private static float[] weights(RMSNorm n) {
        return floats(n.weight);
    }

    private static void copyBias(Linear l, float[] dst, int off) {
        if (l.bias != null) System.arraycopy(l.bias.contiguous().toArray(), 0, dst, off, l.outFeatures());
    }
}
