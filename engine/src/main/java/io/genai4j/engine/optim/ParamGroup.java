package io.genai4j.engine.optim;

import io.genai4j.engine.Tensor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Parameters that share optimizer settings (here: the weight decay). */
public record ParamGroup(List<Tensor> params, double weightDecay) {

    /**
     * nanoGPT's split: tensors of rank ≥ 2 (matmul weights, embeddings) decay; biases and norm
     * scales (rank 1) do not. Tied tensors appear once.
     */
    public static List<ParamGroup> decayMatricesOnly(Map<String, Tensor> named, double weightDecay) {
        List<Tensor> decay = new ArrayList<>(), noDecay = new ArrayList<>();
        IdentityHashMap<Tensor, Boolean> seen = new IdentityHashMap<>();
        for (Tensor t : named.values()) {
            if (seen.put(t, Boolean.TRUE) != null || !t.requiresGrad()) continue;
            (t.dim() >= 2 ? decay : noDecay).add(t);
        }
        return List.of(new ParamGroup(decay, weightDecay), new ParamGroup(noDecay, 0.0));
    }
}
