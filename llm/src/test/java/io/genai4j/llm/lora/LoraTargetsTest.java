package io.genai4j.llm.lora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.nn.Init;
import io.genai4j.engine.nn.LoraLinear;
import io.genai4j.models.gpt.Gpt;
import io.genai4j.models.gpt.GptConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoraTargetsTest {
    static Gpt tinyGpt() {
        return new Gpt(new GptConfig(2, 2, 16, 8, 11, 0f, true), new Rng(1));
    }

    @Test
    void namesMatchTheLastComponentsAsPeftDoes() {
        LoraTargets t = LoraTargets.parse("q_proj, v_proj");
        assertTrue(t.matches("model.layers.3.self_attn.q_proj"));
        assertTrue(t.matches("q_proj"));
        assertFalse(t.matches("model.layers.3.self_attn.qq_proj"));
        assertFalse(t.matches("model.layers.3.self_attn.k_proj"));
        assertTrue(LoraTargets.regex(".*\\.1\\..*q_proj").matches("model.layers.1.self_attn.q_proj"));
        assertFalse(LoraTargets.regex("q_proj").matches("model.layers.1.self_attn.q_proj"), "a regex matches whole names");
        LoraTargets all = LoraTargets.parse("all-linear");
        assertTrue(all.matches("model.layers.0.mlp.down_proj"));
        assertFalse(all.matches("lm_head"));
    }

    @Test
    void ourGptsProjectionsAreFoundInItsModuleTree() {
        Gpt gpt = tinyGpt();
        var all = LinearSite.select(LinearSite.of(gpt), LoraTargets.names(LoraTargets.GPT_ALL));
        assertEquals(List.of("transformer.h.0.attn.c_attn", "transformer.h.0.attn.c_proj", "transformer.h.0.mlp.c_fc", "transformer.h.0.mlp.c_proj",
                "transformer.h.1.attn.c_attn", "transformer.h.1.attn.c_proj", "transformer.h.1.mlp.c_fc", "transformer.h.1.mlp.c_proj"),
                all.stream().map(LinearSite::name).toList());
        assertEquals(48, all.get(0).out());
        var attnOnly = LinearSite.select(LinearSite.of(gpt), LoraTargets.regex("transformer\\.h\\.\\d+\\.attn\\.c_proj"));
        assertEquals(2, attnOnly.size());
        var ex = assertThrows(IllegalArgumentException.class, () -> LinearSite.select(LinearSite.of(gpt), LoraTargets.parse("q_proj")));
        assertTrue(ex.getMessage().contains("transformer.h.0.attn.c_attn"), ex.getMessage());
    }

    @Test
    void wrappedModelCountsItsAdapterAndDetachesBackToTheBase() {
        Gpt gpt = tinyGpt();
        gpt.eval();
        int[] idx = {1, 2, 3, 4, 5};
        float[] before = logits(gpt, idx);
        LoraAdapter a = LoraAdapter.wrap(gpt, new LoraConfig(4, 8, 0f, false, LoraTargets.parse("c_attn"), ""), new Rng(3));
        assertEquals(2, a.layers().size());
        assertEquals(2L * 4 * (16 + 48), a.trainable(gpt).trainable());
        assertEquals(gpt.numParameters() + 2L * 4 * (16 + 48), a.trainable(gpt).all());
        assertEquals(List.of("transformer.h.0.attn.c_attn.lora_A.weight", "transformer.h.0.attn.c_attn.lora_B.weight",
                "transformer.h.1.attn.c_attn.lora_A.weight", "transformer.h.1.attn.c_attn.lora_B.weight"), List.copyOf(a.stateDict().keySet()));
        assertEquals(List.copyOf(a.stateDict().values()), a.parameters());
        assertTrue(java.util.Arrays.equals(before, logits(gpt, idx)), "B = 0: the wrapped model starts as the base");
        for (LoraLinear l : a.layers().values()) Init.uniform(l.loraB.weight, -1, 1, new Rng(5));
        float[] adapted = logits(gpt, idx);
        assertFalse(java.util.Arrays.equals(before, adapted));
        a.merge();
        float[] merged = logits(gpt, idx);
        for (int i = 0; i < merged.length; i++) assertEquals(adapted[i], merged[i], 1e-5 * Math.max(1, Math.abs(adapted[i])));
        a.detach();
        float[] after = logits(gpt, idx);
        for (int i = 0; i < after.length; i++) assertEquals(before[i], after[i], 1e-5);
    }

    static float[] logits(Gpt gpt, int[] idx) {
        try (Grad g = Grad.off()) {
            Tensor h = gpt.hidden(idx, 1, idx.length, null, null);
            return gpt.logits(h).toArray();
        }
    }
}
