package io.genai4j.course.lora;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Tensor;
import io.genai4j.llm.lora.LinearSite;
import io.genai4j.llm.lora.LoraTargets;
import io.genai4j.llm.lora.TextExamples;
import io.genai4j.llm.lora.TokenWindow;
import io.genai4j.models.gpt.Gpt;
import io.genai4j.models.gpt.GptCheckpoint;
import io.genai4j.models.gpt.GptConfig;
import io.genai4j.text.Tokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny budget of the comparison on the shipped GPT: the counts follow the formulas, and LoRA leaves the base alone. */
class LoraComparisonTest {
    @TempDir
    Path tmp;

    @Test
    void tinyComparisonCountsAndKeepsTheBaseFrozen() throws Exception {
        GptCheckpoint ck = GptCheckpoint.bundled();
        Tokenizer tok = ck.tokenizer();
        GptConfig c = ck.model().config;
        List<TokenWindow> text = TextExamples.windows("the cat sat on the mat, and the dog sat on the log.\n".repeat(20), tok, 32);
        List<TokenWindow> home = TextExamples.windows("ROMEO:\nBut, soft! what light through yonder window breaks?\n".repeat(4), tok, 32);
        var data = new LoraComparison.Data(text.subList(0, text.size() - 2), text.subList(text.size() - 2, text.size()), home);
        LoraTargets attention = LoraTargets.parse("c_attn"), allLinear = LoraTargets.parse("all-linear");
        List<FineTuning> setups = List.of(FineTuning.full(1e-3), FineTuning.lora(attention, 2, 2e-3), FineTuning.lora(allLinear, 1, 2e-3));
        List<Gpt> handedOut = new ArrayList<>();
        var budget = new LoraComparison.Budget(3, 2, 4f, 7);
        LoraComparison.Outcome o = LoraComparison.run(() -> {
            Gpt g = GptCheckpoint.bundled().model();
            handedOut.add(g);
            return g;
        }, data, setups, budget, f -> e -> {});

        assertEquals(3, o.results().size());
        Map<String, Tensor> fresh = GptCheckpoint.bundled().model().stateDict();
        long base = ck.model().numParameters();
        for (FineTuningResult r : o.results()) {
            assertEquals(3, r.steps());
            assertEquals(3L * 2 * 32, r.tokens(), "every contestant sees the same tokens");
            assertEquals(16L * r.trainable(), r.stateBytes(), "weights, gradients and two AdamW moments: 4 bytes each per trainable value");
            assertTrue(Double.isFinite(r.valLoss()) && Double.isFinite(r.homeLoss()) && r.cpuSeconds() > 0 && r.tokensPerSecond() > 0, r.toString());
        }

        FineTuningResult full = o.results().get(0);
        assertEquals(base, full.trainable(), "full fine-tuning trains every parameter");
        assertEquals(full.trainable(), full.all());
        assertTrue(full.valLoss() < o.baseValLoss(), "three full updates lower the new text's loss: " + full.valLoss() + " vs " + o.baseValLoss());
        assertFalse(same(fresh, handedOut.get(1).stateDict()), "full fine-tuning changed the weights of its copy");

        // c_attn is [3d, d] in each block: r·(d + 3d) per layer; all-linear adds c_proj [d, d], c_fc [4d, d] and the MLP's c_proj [d, 4d].
        long d = c.nEmbd();
        FineTuningResult attn = o.results().get(1), every = o.results().get(2);
        assertEquals(c.nLayer() * 2 * (d + 3 * d), attn.trainable());
        assertEquals(c.nLayer() * 1 * ((d + 3 * d) + (d + d) + (d + 4 * d) + (4 * d + d)), every.trainable());
        assertEquals(base + attn.trainable(), attn.all());
        assertEquals(every.trainable(), io.genai4j.llm.lora.TrainableParameters.of(
                LinearSite.select(LinearSite.of(handedOut.get(3)), allLinear), 1, base).trainable(), "the formula over the model's own layers");
        assertTrue(attn.valLoss() < o.baseValLoss(), "the adapter learned something: " + attn.valLoss() + " vs " + o.baseValLoss());

        for (Gpt lora : handedOut.subList(2, 4)) {
            assertTrue(same(fresh, lora.stateDict()), "a LoRA run leaves its frozen base untouched");
            for (LinearSite s : LinearSite.of(lora)) assertNull(s.layer().adapter(), s.name() + " was detached");
        }

        Path png = LoraComparisonChart.save(tmp.resolve("compare.png"), "test", o);
        assertTrue(Files.size(png) > 1000);
    }

    private static boolean same(Map<String, Tensor> a, Map<String, Tensor> b) {
        if (!a.keySet().equals(b.keySet())) return false;
        for (String k : a.keySet()) {
            float[] x = a.get(k).contiguous().toArray(), y = b.get(k).contiguous().toArray();
            try {
                assertArrayEquals(x, y, 0f);
            } catch (AssertionError e) {
                return false;
            }
        }
        return true;
    }
}
