package io.genai4j.models.llama;

import io.genai4j.engine.infer.LowRank;
import io.genai4j.engine.infer.PlanAdapters;
import io.genai4j.engine.nn.Linear;
import io.genai4j.engine.nn.LoraLinear;
import java.util.ArrayList;
import java.util.List;

/**
 * The unmerged LoRA adapters attached to a decoder's Linear layers, placed in the groups its plan
 * fuses, as a snapshot of their current values: what a runtime adds as side paths. Llama's Q, K and V
 * sit at row offsets 0, qDim and qDim + kvDim of Q|K|V (gate and up at 0 and ffn); GPT-2's c_attn
 * already is Q|K|V and its c_fc the whole up group.
 */
final class PlanSides {
    /** A Linear of a fused group and the first row it fills there. */
    record Site(Linear layer, int offset) {}

    private final List<PlanAdapters.Layer> layers = new ArrayList<>();
    private boolean any;

    /** The next layer's groups: Q|K|V, the attention output, gate|up (or up), down. */
    PlanSides layer(List<Site> qkv, List<Site> o, List<Site> gateUp, List<Site> down) {
        PlanAdapters.Layer l = new PlanAdapters.Layer(sides(qkv), sides(o), sides(gateUp), sides(down));
        any |= !(l.qkv().isEmpty() && l.o().isEmpty() && l.gateUp().isEmpty() && l.down().isEmpty());
        layers.add(l);
        return this;
    }

    /** The adapters of every layer, or null when no layer has one; an adapter on the output head is refused. */
    PlanAdapters build(Linear head) {
        if (head.adapter() != null && !head.adapter().isMerged()) {
            throw new IllegalStateException("an adapter on the output projection is not supported by the inference path");
        }
        return any ? new PlanAdapters(layers) : null;
    }

    private static List<LowRank> sides(List<Site> sites) {
        List<LowRank> out = new ArrayList<>();
        for (Site s : sites) {
            Linear l = s.layer();
            LoraLinear a = l.adapter();
            if (a == null || a.isMerged()) continue;
            out.add(new LowRank(a.loraA.weight.toArray(), a.loraB.weight.toArray(), a.rank(), l.inFeatures(), l.outFeatures(), s.offset(), a.scale()));
        }
        return out;
    }
}
