package io.genai4j.llm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Rng;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.models.gpt.Gpt;
import io.genai4j.models.gpt.GptConfig;
import io.genai4j.models.gpt.GptLm;
import io.genai4j.models.sampling.LogitsSampler;
import io.genai4j.models.sampling.Penalties;
import io.genai4j.text.CharTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The GPT lesson's char model through the one {@link Generator}: a sliding window, char pieces, candidates. */
class LessonGenerationTest {
    private static final String TEXT = "Où es-tu — ô Roméo? Ça va, ça vient. ";
    private final CharTokenizer chars = CharTokenizer.fit(TEXT);
    private final Gpt model = new Gpt(new GptConfig(2, 2, 32, 12, chars.vocabSize(), 0f, true), new Rng(4));
    private final Generator generator = new Generator(new GptLm(model), chars);
    private final int[] prompt = chars.encode("Où es");

    @Test
    void samplingThroughTheCacheEqualsRecomputingTheContextPastTheBlockSize() {
        // 20 new tokens after 5 run past block_size 12: the window slides for the last 13 steps.
        GenerationOptions o = GenerationOptions.slidingWindow(20, 1f, 0, 1f, 9);
        GenerationResult cached = generator.generate(prompt, o, null);
        GenerationResult plain = generator.generate(prompt, o.withCache(false), null);
        assertEquals(20, cached.ids().length);
        assertArrayEquals(plain.ids(), cached.ids());
        assertEquals("length", cached.stopReason());
    }

    @Test
    void theSlidingWindowSeesTheNewestBlockSizeTokensAsTheModulesDo() {
        int[] got = generator.generate(prompt, GenerationOptions.slidingWindow(25, 0f, 0, 1f, 0), null).ids();
        // The reference: nanoGPT's loop on the modules, idx_cond = idx[:, -block_size:], argmax.
        GptLm lm = new GptLm(model);
        int[] seq = Arrays.copyOf(prompt, prompt.length + 25);
        int len = prompt.length;
        try (Grad g = Grad.off()) {
            for (int step = 0; step < 25; step++) {
                float[] logits = lm.forward(Arrays.copyOfRange(seq, Math.max(0, len - 12), len), null, false).toArray();
                int best = 0;
                for (int v = 1; v < logits.length; v++) if (logits[v] > logits[best]) best = v;
                seq[len++] = best;
            }
        }
        assertArrayEquals(Arrays.copyOfRange(seq, prompt.length, len), got);
    }

    @Test
    void aFixedWindowRefusesWhatAChatModelCouldNotSee() {
        GenerationOptions fixed = new GenerationOptions(20, 1f, 0, 1f, 0f, Penalties.NONE, 9, List.of(), true);
        Exception e = assertThrows(IllegalArgumentException.class, () -> generator.generate(prompt, fixed, null));
        assertTrue(e.getMessage().contains("exceeds the model's context length of 12"), e.getMessage());
    }

    @Test
    void charactersStreamWholeAndAddUpToTheDecodedIds() {
        StringBuilder streamed = new StringBuilder();
        GenerationResult r = generator.generate(prompt, GenerationOptions.slidingWindow(40, 1.5f, 0, 1f, 3), streamed::append);
        assertEquals(chars.decode(r.ids()), r.text());
        assertEquals(r.text(), streamed.toString());
    }

    @Test
    void listenersThatAskSeeTheDistributionEachTokenIsDrawnFrom() {
        List<LogitsSampler.Candidates> seen = new ArrayList<>();
        List<Integer> drawn = new ArrayList<>();
        GenerationListener l = GenerationListener.explaining((c, id) -> {
            seen.add(c);
            drawn.add(id);
        });
        generator.generate(prompt, GenerationOptions.slidingWindow(15, 1f, 5, 1f, 2), l);
        assertEquals(15, seen.size());
        for (int i = 0; i < 15; i++) {
            LogitsSampler.Candidates c = seen.get(i);
            assertEquals(5, c.ids().length, "top-k 5");
            double sum = 0;
            boolean found = false;
            for (int j = 0; j < c.ids().length; j++) {
                sum += c.probs()[j];
                if (j > 0) assertTrue(c.probs()[j] <= c.probs()[j - 1], "most likely first");
                found |= c.ids()[j] == drawn.get(i);
            }
            assertEquals(1.0, sum, 1e-5);
            assertTrue(found, "the drawn token is one of the candidates");
        }
        seen.clear();
        drawn.clear();
        generator.generate(prompt, GenerationOptions.slidingWindow(6, 0f, 0, 1f, 2), l);
        for (int i = 0; i < 6; i++) {
            assertArrayEquals(new int[] {drawn.get(i)}, seen.get(i).ids(), "greedy: the argmax with probability 1");
        }
    }
}
