package io.genai4j.models.gpt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.infer.KvCache;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.optim.AdamW;
import io.genai4j.engine.optim.ParamGroup;
import io.genai4j.text.CharTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GptTest {
    private static final String TEXT = """
            First Citizen:
            Before we proceed any further, hear me speak.
            All:
            Speak, speak.
            First Citizen:
            You are all resolved rather to die than to famish?
            """;

    private static GptConfig tiny(int vocab) {
        return new GptConfig(2, 2, 32, 16, vocab, 0f, true);
    }

    @Test
    void parameterNamesMatchNanoGpt() {
        Gpt m = new Gpt(tiny(10), new Rng(1));
        var names = m.namedParameters().keySet();
        for (String n : List.of("transformer.wte.weight", "transformer.wpe.weight", "transformer.h.0.ln_1.weight",
                "transformer.h.0.attn.c_attn.weight", "transformer.h.0.attn.c_attn.bias", "transformer.h.1.attn.c_proj.weight",
                "transformer.h.1.mlp.c_fc.weight", "transformer.h.1.mlp.c_proj.bias", "transformer.ln_f.weight")) {
            assertTrue(names.contains(n), n);
        }
        // GPT-2 init: residual projections are scaled down by √(2·n_layer).
        float[] w = m.namedParameters().get("transformer.h.0.attn.c_proj.weight").toArray();
        double var = 0;
        for (float v : w) var += v * v;
        assertEquals(0.02 / Math.sqrt(4), Math.sqrt(var / w.length), 0.002);
    }

    @Test
    void tinyGptOverfitsAShortText() {
        CharTokenizer tok = CharTokenizer.fit(TEXT);
        int[] ids = tok.encode(TEXT);
        Gpt m = new Gpt(new GptConfig(2, 2, 48, 32, tok.vocabSize(), 0f, false), new Rng(2));
        AdamW opt = new AdamW(List.of(new ParamGroup(m.parameters(), 0.0)), 3e-3, 0.9, 0.99, 1e-8);
        Rng rng = new Rng(3);
        int b = 8, t = 32;
        float loss = Float.NaN;
        for (int step = 0; step < 300; step++) {
            int[] x = new int[b * t], y = new int[b * t];
            for (int i = 0; i < b; i++) {
                int s = rng.nextInt(ids.length - t);
                System.arraycopy(ids, s, x, i * t, t);
                System.arraycopy(ids, s + 1, y, i * t, t);
            }
            Tensor l = m.loss(x, y, b, t);
            opt.zeroGrad();
            l.backward();
            opt.step();
            loss = l.item();
        }
        assertTrue(loss < 0.15, "loss after 300 steps: " + loss);
    }

    @Test
    void kvCacheLogitsEqualRecomputingTheContext() {
        Gpt m = new Gpt(new GptConfig(2, 2, 32, 12, 20, 0f, true), new Rng(4));
        int[] prompt = {3, 1, 4, 1, 5};
        // (Sampling through the cache, past block_size too, is llm's LessonGenerationTest.)
        try (Grad g = Grad.off()) {
            m.eval();
            KvCache cache = m.newCache();
            float[] full = m.logits(m.hidden(prompt, 1, 5, null, null)).toArray();
            m.hidden(new int[] {3, 1, 4}, 1, 3, cache, null);
            float[] step4 = m.logits(m.hidden(new int[] {1}, 1, 1, cache, null)).toArray();
            float[] step5 = m.logits(m.hidden(new int[] {5}, 1, 1, cache, null)).toArray();
            for (int v = 0; v < 20; v++) {
                assertEquals(full[3 * 20 + v], step4[v], 1e-5);
                assertEquals(full[4 * 20 + v], step5[v], 1e-5);
            }
        }
    }

    @Test
    void checkpointRoundTripReproducesLogitsBitForBit(@TempDir Path dir) throws Exception {
        CharTokenizer tok = CharTokenizer.fit(TEXT);
        Gpt m = new Gpt(tiny(tok.vocabSize()), new Rng(5));
        GptCheckpoint.save(dir, m, tok, Map.of("iter", 0));
        GptCheckpoint back = GptCheckpoint.load(dir);
        int[] ids = tok.encode("Speak, speak.");
        try (Grad g = Grad.off()) {
            m.eval();
            back.model().eval();
            assertArrayEquals(m.logits(m.hidden(ids, 1, ids.length, null, null)).toArray(),
                    back.model().logits(back.model().hidden(ids, 1, ids.length, null, null)).toArray());
        }
        assertEquals(TEXT, back.tokenizer().decode(back.tokenizer().encode(TEXT)));
    }

    @Test
    void clearErrorsForBadCheckpointsAndContexts(@TempDir Path dir) throws Exception {
        var e = assertThrows(java.nio.file.NoSuchFileException.class, () -> GptCheckpoint.load(dir));
        assertTrue(e.getMessage().contains("not a GPT checkpoint"), e.getMessage());
        Files.writeString(dir.resolve("config.json"), "{\"config\": {\"n_layer\": 2}, \"tokenizer\": {\"kind\": \"char\", \"code_points\": [97]}}");
        var e2 = assertThrows(IllegalArgumentException.class, () -> GptCheckpoint.load(dir));
        assertTrue(e2.getMessage().contains("missing field 'n_head'"), e2.getMessage());
        Gpt m = new Gpt(tiny(10), new Rng(6));
        var e3 = assertThrows(IllegalArgumentException.class, () -> m.hidden(new int[17], 1, 17, null, null));
        assertTrue(e3.getMessage().contains("exceeds block_size 16"), e3.getMessage());
    }

    @Test
    void streamEvaluationPredictsEveryTokenOnce() {
        Gpt m = new Gpt(new GptConfig(1, 2, 16, 8, 12, 0f, true), new Rng(7));
        int[] ids = new int[30];
        for (int i = 0; i < ids.length; i++) ids[i] = (i * 7) % 12;
        GptEvaluation.Total total = GptEvaluation.total(m, ids, 2);
        assertEquals(29, total.tokens());
        // By hand: windows [0..8), [8..16), [16..24) predict 8 tokens each, [24..29) predicts 5.
        double nats = 0;
        try (Grad g = Grad.off()) {
            for (int start = 0; start < 29; start += 8) {
                int len = Math.min(8, 29 - start);
                int[] x = java.util.Arrays.copyOfRange(ids, start, start + len), y = java.util.Arrays.copyOfRange(ids, start + 1, start + 1 + len);
                nats += io.genai4j.engine.ops.F.crossEntropy(m.logits(m.hidden(x, 1, len, null, null)).reshape(len, 12), y).item() * len;
            }
        }
        assertEquals(nats, total.nats(), 1e-3);
    }

    @Test
    void halfPrecisionCheckpointGivesNearlyTheSameLogits(@TempDir Path dir) throws Exception {
        CharTokenizer tok = CharTokenizer.fit(TEXT);
        Gpt m = new Gpt(tiny(tok.vocabSize()), new Rng(8));
        GptCheckpoint.save(dir, m, tok, Map.of(), io.genai4j.engine.DType.F16);
        GptCheckpoint back = GptCheckpoint.load(dir);
        int[] ids = tok.encode("Speak, speak.");
        try (Grad g = Grad.off()) {
            m.eval();
            back.model().eval();
            float[] a = m.logits(m.hidden(ids, 1, ids.length, null, null)).toArray();
            float[] b = back.model().logits(back.model().hidden(ids, 1, ids.length, null, null)).toArray();
            for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], 2e-3, "logit " + i);
        }
        assertTrue(Files.size(dir.resolve(GptCheckpoint.WEIGHTS)) < m.numParameters() * 2 + 4096);
    }
}
