package io.genai4j.models.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genai4j.engine.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttentionRolloutTest {

    @Test
    void rollsOutByHandOnAOnePatchGridOverTwoLayers() {
        // T = 2 tokens (class, one patch). Layer 1, two heads: the class token puts 0.2 and 0.6 on the
        // patch, mean 0.4; with the residual, Â₁ row 0 = [0.5 + 0.5·0.6, 0.5·0.4] = [0.8, 0.2].
        // The patch attends to itself only: Â row 1 = [0, 1]. Layer 2 is the same, so
        // R₂ = Â·Â: row 0 = [0.8·0.8, 0.8·0.2 + 0.2·1] = [0.64, 0.36].
        Tensor layer = Tensor.of(new float[] {0.8f, 0.2f, 0f, 1f, 0.4f, 0.6f, 0f, 1f}, 1, 2, 2, 2);
        AttentionRollout r = AttentionRollout.of(List.of(layer, layer), 1, 0);
        assertEquals(0.4f, r.direct()[0][0][0], 1e-6f);
        assertEquals(0.2f, r.rollout()[0][0][0], 1e-6f);
        assertEquals(0.36f, r.rollout()[1][0][0], 1e-6f);
    }

    @Test
    void uniformAttentionGivesAFlatMap() {
        int t = 5;
        float[] w = new float[t * t];
        java.util.Arrays.fill(w, 1f / t);
        AttentionRollout r = AttentionRollout.of(List.of(Tensor.of(w, 1, 1, t, t)), 2, 0);
        for (float[] row : r.rollout()[0]) for (float v : row) assertEquals(0.1f, v, 1e-6f);
    }
}
