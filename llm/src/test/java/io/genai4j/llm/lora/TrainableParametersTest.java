package io.genai4j.llm.lora;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genai4j.models.llama.ModelPreset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainableParametersTest {
    @Test
    void llama32OneBWithQAndVAtRank8HasPeftsCount() {
        var sites = LinearSite.select(LinearSite.of(ModelPreset.LLAMA_3_2_1B), LoraTargets.parse("q_proj,v_proj"));
        assertEquals(32, sites.size());
        TrainableParameters p = TrainableParameters.of(sites, 8, ModelPreset.LLAMA_3_2_1B.parameters());
        assertEquals(851_968, p.trainable());
        assertEquals(1_235_814_400L, ModelPreset.LLAMA_3_2_1B.parameters());   // Llama-3.2-1B's published size
        assertEquals("trainable params: 851,968 || all params: 1,236,666,368 || trainable%: 0.0689", p.peftLine());
    }

    @Test
    void allLinearOnLlamaShapesAdaptsEveryProjection() {
        var sites = LinearSite.select(LinearSite.of(ModelPreset.LLAMA_3_2_1B), LoraTargets.names(List.of(LoraTargets.ALL_LINEAR)));
        assertEquals(16 * 7, sites.size());
        // r·(in+out) summed: q 4096, k 2560, v 2560, o 4096, gate 10240, up 10240, down 10240 per unit rank and layer
        assertEquals(16L * 16 * (4096 + 2560 + 2560 + 4096 + 3 * 10240), TrainableParameters.of(sites, 16, 0).trainable());
    }
}
