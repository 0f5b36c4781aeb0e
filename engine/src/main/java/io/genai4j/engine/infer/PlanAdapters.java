package io.genai4j.engine.infer;

import java.util.List;

/**
 * Unmerged adapters for a {@link DecoderPlan}: per layer, the side paths of its fused groups. A
 * runtime built with them computes base + adapters; the plan itself is untouched and may serve
 * other runtimes.
 */
public record PlanAdapters(List<Layer> layers) {
    public PlanAdapters {
        layers = List.copyOf(layers);
    }

    /** The side paths of one layer's groups: Q|K|V, the attention output, gate|up, down. */
    public record Layer(List<LowRank> qkv, List<LowRank> o, List<LowRank> gateUp, List<LowRank> down) {
        public static final Layer NONE = new Layer(List.of(), List.of(), List.of(), List.of());

        public Layer {
            qkv = List.copyOf(qkv);
            o = List.copyOf(o);
            gateUp = List.copyOf(gateUp);
            down = List.copyOf(down);
        }
    }
}
