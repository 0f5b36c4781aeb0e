package io.genai4j.models.gpt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.infer.DecoderRuntime;
import io.genai4j.engine.infer.Session;
import io.genai4j.engine.nn.Init;
import io.genai4j.models.llama.PathsCompared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * nanoGPT's GPT (the GPT lesson's model) on the decoder runtime against its own modules: a prompt
 * as one batch, then cached single steps, and greedy tokens; with and without biases (nanoGPT's
 * bias=False). LayerNorm scales and shifts are drawn at random rather than left at ones and zeros,
 * so a norm read wrongly, or a shift dropped, shows.
 */
class GptRuntimeVsModulesTest {
    private static Gpt randomGpt(boolean bias) {
        Rng rng = new Rng(21);
        Gpt gpt = new Gpt(new GptConfig(2, 4, 32, 40, 23, 0f, bias), rng);
        for (var e : gpt.namedParameters().entrySet()) {
            String name = e.getKey();
            Tensor p = e.getValue();
            if (name.contains("ln_") && name.endsWith(".weight")) Init.normal(p, 1, 0.2, rng);
            else if (name.endsWith(".bias")) Init.normal(p, 0, 0.2, rng);
        }
        return gpt;
    }

    private static int[] prompt(int n, int vocab) {
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) ids[i] = (i * 7 + 3) % vocab;
        return ids;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void runtimeEqualsTheModules(boolean bias) {
        GptLm lm = new GptLm(randomGpt(bias));
        int[] ids = prompt(DecoderRuntime.ATTENTION_GEMM_FROM + 4, lm.config().vocabSize());
        float d = PathsCompared.relDiff(PathsCompared.run(lm, ids, false, DType.F32), PathsCompared.run(lm, ids, true, DType.F32));
        System.out.printf("nanoGPT (bias=%s): runtime vs modules, max |diff| / max |logit| = %.2e%n", bias, d);
        assertTrue(d < 1e-5f, "bias=" + bias + ": " + d);
        assertArrayEquals(PathsCompared.greedy(lm, ids, false), PathsCompared.greedy(lm, ids, true), "greedy tokens");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theLogitsAreTheTrainingForwardsToo(boolean bias) {
        // The cached module path above is itself checked against the plain forward that training uses.
        Gpt gpt = randomGpt(bias);
        GptLm lm = new GptLm(gpt);
        int[] ids = prompt(9, gpt.config.vocabSize());
        float[] training = gpt.logits(gpt.hidden(ids, 1, ids.length, null, null)).toArray();
        float[] runtime = lm.newSession(ids.length, DType.F32).forward(ids, true);
        assertTrue(PathsCompared.relDiff(training, runtime) < 1e-5f, "runtime vs training forward");
    }

    @Test
    void aSessionStopsAtBlockSize() {
        GptLm lm = new GptLm(randomGpt(true));
        Session s = lm.newSession(8, DType.F32);
        s.forward(prompt(40, 23), false);
        assertThrows(IllegalArgumentException.class, () -> s.forward(new int[] {1}, false));
    }
}
