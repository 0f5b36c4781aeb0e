package io.genai4j.llm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.models.llama.Arch;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import io.genai4j.models.llama.TinyModels;
import io.genai4j.models.sampling.Penalties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log-probabilities a generation reports against a hand computation: each step's logits from a
 * fresh session over the whole context, the penalties and the logit bias written out here, then a
 * softmax at the temperature and the top-p cut in double precision.
 */
class LogprobsTest {
    @TempDir
    Path tmp;

    private LoadedModel tiny() throws Exception {
        return ModelLoader.load(TinyModels.writeGguf(tmp, Arch.QWEN2, 5, DType.F32));
    }

    private record Recorder(int top, List<TokenLogprob> got, List<Integer> tokens) implements GenerationListener {
        @Override
        public void onText(String text) {}

        @Override
        public int topLogprobs() {
            return top;
        }

        @Override
        public void onLogprob(TokenLogprob p) {
            got.add(p);
        }

        @Override
        public void onToken(int id) {
            tokens.add(id);
        }
    }

    @Test
    void sampledTokensReportTheDistributionAfterPenaltiesBiasTemperatureAndTopP() throws Exception {
        try (LoadedModel m = tiny()) {
            int[] prompt = m.tokenizer().encode("Logprobs by hand", false, false);
            float t = 0.8f, topP = 0.97f, freq = 0.5f, pres = 0.3f;
            Map<Integer, Float> bias = Map.of(7, 2.5f, 11, -1.5f);
            GenerationOptions o = new GenerationOptions(10, t, 0, topP, 0f, new Penalties(1f, freq, pres, 0), 42, List.of(), true).withLogitBias(bias);
            Recorder r = new Recorder(5, new ArrayList<>(), new ArrayList<>());
            GenerationResult g = new Generator(m).generate(prompt, o, r);
            assertTrue(g.ids().length >= 3, "a few tokens to check");
            assertEquals(g.ids().length, r.got().size(), "one entry per generated token");
            for (int k = 0; k < g.ids().length; k++) {
                int[] context = context(prompt, g.ids(), k);
                double[] z = adjusted(m, context, freq, pres, bias);
                for (int i = 0; i < z.length; i++) z[i] /= t;
                double[] p = softmax(z);
                Integer[] order = byFallingProbability(p);
                double acc = 0, kept = 0;
                int cut = 0;
                while (cut < order.length && acc < topP) acc += p[order[cut++]];
                for (int i = 0; i < cut; i++) kept += p[order[i]];
                TokenLogprob e = r.got().get(k);
                assertEquals(g.ids()[k], e.token());
                assertEquals(Math.log(p[g.ids()[k]] / kept), e.logprob(), 1e-4, "step " + k + ": the sampled token's log-probability");
                assertEquals(Math.min(5, cut), e.topIds().length, "step " + k + ": alternatives inside the nucleus only");
                for (int i = 0; i < e.topIds().length; i++) {
                    assertEquals((int) order[i], e.topIds()[i], "step " + k + ": alternative " + i);
                    assertEquals(Math.log(p[order[i]] / kept), e.topLogprobs()[i], 1e-4, "step " + k + ": alternative " + i);
                }
            }
        }
    }

    @Test
    void greedyTokensReportAPlainSoftmaxOfTheirLogits() throws Exception {
        try (LoadedModel m = tiny()) {
            int[] prompt = m.tokenizer().encode("Greedy, by hand", false, false);
            Map<Integer, Float> bias = Map.of(3, 1.0f);
            GenerationOptions o = GenerationOptions.greedy(6).withLogitBias(bias);
            Recorder r = new Recorder(3, new ArrayList<>(), new ArrayList<>());
            GenerationResult g = new Generator(m).generate(prompt, o, r);
            assertEquals(g.ids().length, r.got().size());
            for (int k = 0; k < g.ids().length; k++) {
                double[] p = softmax(adjusted(m, context(prompt, g.ids(), k), 0, 0, bias));
                Integer[] order = byFallingProbability(p);
                TokenLogprob e = r.got().get(k);
                assertEquals((int) order[0], g.ids()[k], "greedy takes the argmax");
                assertEquals(Math.log(p[g.ids()[k]]), e.logprob(), 1e-4, "step " + k);
                assertTrue(e.logprob() < -1e-3, "a random model is unsure: not the probability 1 of the argmax alone");
                assertArrayEquals(IntStream.range(0, 3).map(i -> order[i]).toArray(), e.topIds(), "step " + k);
                for (int i = 0; i < 3; i++) assertEquals(Math.log(p[order[i]]), e.topLogprobs()[i], 1e-4, "step " + k + " alternative " + i);
            }
        }
    }

    @Test
    void noLogprobsUnlessAsked() throws Exception {
        try (LoadedModel m = tiny()) {
            int[] prompt = m.tokenizer().encode("quiet", false, false);
            Recorder r = new Recorder(-1, new ArrayList<>(), new ArrayList<>());
            GenerationResult g = new Generator(m).generate(prompt, GenerationOptions.greedy(4), r);
            assertEquals(g.ids().length, r.tokens().size());
            assertEquals(0, r.got().size());
        }
    }

    private static int[] context(int[] prompt, int[] generated, int k) {
        int[] c = Arrays.copyOf(prompt, prompt.length + k);
        System.arraycopy(generated, 0, c, prompt.length, k);
        return c;
    }

    /** The last position's logits from a fresh session, with OpenAI's penalties over the whole context and the bias added. */
    private static double[] adjusted(LoadedModel m, int[] context, float freq, float pres, Map<Integer, Float> bias) {
        float[] logits = m.model().newSession(context.length, DType.F32).forward(context, false);
        Map<Integer, Integer> counts = new HashMap<>();
        for (int id : context) counts.merge(id, 1, Integer::sum);
        double[] z = new double[logits.length];
        for (int i = 0; i < z.length; i++) {
            int c = counts.getOrDefault(i, 0);
            z[i] = logits[i] - c * freq - (c > 0 ? pres : 0) + bias.getOrDefault(i, 0f);
        }
        return z;
    }

    private static double[] softmax(double[] z) {
        double max = Arrays.stream(z).max().orElseThrow(), sum = 0;
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) sum += p[i] = Math.exp(z[i] - max);
        for (int i = 0; i < z.length; i++) p[i] /= sum;
        return p;
    }

    private static Integer[] byFallingProbability(double[] p) {
        Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -p[i]).thenComparingInt(i -> i));
        return order;
    }
}
