package io.genai4j.llm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.engine.infer.DecodeBatch;
import io.genai4j.engine.infer.Session;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.llm.lora.LoraAdapter;
import io.genai4j.llm.lora.LoraRuntimeTest;
import io.genai4j.models.llama.Arch;
import io.genai4j.models.llama.HfToGguf;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import io.genai4j.models.llama.ModelPreset;
import io.genai4j.models.llama.RandomModel;
import io.genai4j.models.llama.TinyModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Batched decoding against each session decoded alone: greedy, sessions of different prompt
 * lengths joining and leaving mid-way, 1 to 4 threads. Tokens must be identical and logits equal
 * within float tolerance (the batch multiplies by each weight matrix as a K-row product, alone it is
 * a matrix-vector product: the same sums in another order).
 */
class BatchedDecodingTest {
    @TempDir
    Path tmp;

    private final int threadsBefore = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(threadsBefore);
    }

    /** One stream: its prompt, when it joins the batch (a step number), how many tokens it wants. */
    record Plan(String prompt, int joinAt, int tokens) {}

    static final List<Plan> PLANS = List.of(
            new Plan("The quick brown fox", 0, 9),
            new Plan("Hello world! Hello, world? It's a test: 1234 5678.", 0, 4),
            new Plan("Llamas", 2, 10),
            new Plan("Generative models predict the next token; the cache keeps keys and values", 3, 6),
            new Plan("café, naïve", 6, 5));

    /** The greedy tokens and each step's logits of one stream decoded alone. */
    record Decoded(int[] tokens, List<float[]> logits) {}

    static Decoded alone(Session session, int[] prompt, int n) {
        float[] logits = session.forward(prompt, false);
        int[] out = new int[n];
        List<float[]> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(logits);
            out[i] = argmax(logits, 0, logits.length);
            if (i + 1 < n) logits = session.forward(new int[] {out[i]}, false);
        }
        return new Decoded(out, all);
    }

    /**
     * The streams decoded together: each newcomer's prompt runs alone (its own pass), then every
     * step gives one token to each active stream through one {@link DecodeBatch#step}.
     */
    static List<Decoded> batched(List<Session> sessions, List<int[]> prompts, List<Plan> plans) {
        int k = plans.size(), vocab = -1;
        int[][] out = new int[k][];
        List<List<float[]>> logits = new ArrayList<>();
        float[][] pending = new float[k][];   // the logits each active stream samples from next
        for (int s = 0; s < k; s++) {
            out[s] = new int[0];
            logits.add(new ArrayList<>());
        }
        DecodeBatch batch = new DecodeBatch();
        for (int step = 0; ; step++) {
            List<Integer> active = new ArrayList<>();
            for (int s = 0; s < k; s++) {
                if (plans.get(s).joinAt() == step) pending[s] = sessions.get(s).forward(prompts.get(s), false);
                if (pending[s] == null) continue;
                vocab = pending[s].length;
                int next = argmax(pending[s], 0, vocab);
                logits.get(s).add(pending[s]);
                out[s] = Arrays.copyOf(out[s], out[s].length + 1);
                out[s][out[s].length - 1] = next;
                pending[s] = null;
                if (out[s].length < plans.get(s).tokens()) active.add(s);   // else it leaves
            }
            boolean done = true;
            for (int s = 0; s < k; s++) if (out[s].length < plans.get(s).tokens()) done = false;
            if (done) break;
            if (active.isEmpty()) continue;   // a newcomer joins later
            List<Session> rows = new ArrayList<>();
            int[] tokens = new int[active.size()];
            for (int i = 0; i < tokens.length; i++) {
                int s = active.get(i);
                rows.add(sessions.get(s));
                tokens[i] = out[s][out[s].length - 1];
            }
            float[] all = batch.step(rows, tokens);
            assertEquals(tokens.length * vocab, all.length);
            for (int i = 0; i < tokens.length; i++) pending[active.get(i)] = Arrays.copyOfRange(all, i * vocab, (i + 1) * vocab);
        }
        List<Decoded> result = new ArrayList<>();
        for (int s = 0; s < k; s++) result.add(new Decoded(out[s], logits.get(s)));
        return result;
    }

    static int argmax(float[] a, int off, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) if (a[off + i] > a[off + best]) best = i;
        return best;
    }

    static List<int[]> prompts(LoadedModel m) {
        List<int[]> p = new ArrayList<>();
        for (Plan plan : PLANS) p.add(m.tokenizer().encode(plan.prompt(), true, false));
        return p;
    }

    static void assertSame(List<Decoded> expected, List<Decoded> actual, String what) {
        assertSame(expected, actual, 1e-4, what);
    }

    /** Identical tokens, and logits within tolerance·max |logit| of each other. */
    static void assertSame(List<Decoded> expected, List<Decoded> actual, double tolerance, String what) {
        for (int s = 0; s < expected.size(); s++) {
            assertArrayEquals(expected.get(s).tokens(), actual.get(s).tokens(), what + ": tokens of stream " + s);
            for (int i = 0; i < expected.get(s).logits().size(); i++) {
                LoraRuntimeTest.assertClose(expected.get(s).logits().get(i), actual.get(s).logits().get(i), tolerance, what + ": logits of stream " + s + " step " + i);
            }
        }
    }

    static List<Decoded> aloneAll(LoadedModel m, List<int[]> prompts, DType kv) {
        List<Decoded> list = new ArrayList<>();
        for (int s = 0; s < PLANS.size(); s++) list.add(alone(m.model().newSession(8, kv), prompts.get(s), PLANS.get(s).tokens()));
        return list;
    }

    static List<Session> sessions(LoadedModel m, int n, DType kv) {
        List<Session> list = new ArrayList<>();
        for (int s = 0; s < n; s++) list.add(m.model().newSession(8, kv));
        return list;
    }

    @ParameterizedTest
    @EnumSource(Arch.class)
    void aBatchGivesEachSessionWhatItGetsAloneAtOneToFourThreads(Arch arch) throws Exception {
        try (LoadedModel m = ModelLoader.load(TinyModels.writeHf(tmp.resolve("hf"), arch, 5))) {
            List<int[]> prompts = prompts(m);
            for (DType kv : List.of(DType.F32, DType.F16)) {
                List<Decoded> expected = aloneAll(m, prompts, kv);
                for (int threads = 1; threads <= 4; threads++) {
                    Parallel.setThreads(threads);
                    assertSame(expected, batched(sessions(m, PLANS.size(), kv), prompts, PLANS), arch + " " + kv + " cache, " + threads + " threads");
                }
            }
        }
    }

    @Test
    void aQuantizedModelBatchesToo() throws Exception {
        Path hf = TinyModels.writeHf(tmp.resolve("hf"), Arch.LLAMA, 6);
        Path q4 = tmp.resolve("q4.gguf");
        HfToGguf.convert(hf, q4, DType.Q4_0);
        try (LoadedModel m = ModelLoader.load(q4)) {
            List<int[]> prompts = prompts(m);
            List<Decoded> expected = aloneAll(m, prompts, DType.F32);
            Parallel.setThreads(2);
            assertSame(expected, batched(sessions(m, PLANS.size(), DType.F32), prompts, PLANS), "Q4_0");
        }
    }

    /**
     * Random models whose matrices multiply a few inputs over decoded tiles (F16, Q4_K and Q6_K rows,
     * and Q4_0 rows longer than 4096: this feed-forward is 4352 wide) as well as through the fused
     * kernels (the batch grows and shrinks between 1 and 4 rows): each stream's tokens as alone.
     */
    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F16", "Q4_0", "Q4_K", "Q6_K"})
    void decodedTilesBatchLikeEachSessionAlone(DType type) throws Exception {
        ModelPreset longFeedForward = new ModelPreset("tiny-long-ffn", Arch.LLAMA, 512, 256, 2, 4, 2, 4352, 2048, 10000f, 1e-5f, true, false, false);
        Path f = tmp.resolve(type + ".gguf");
        RandomModel.write(f, longFeedForward, type, null, 5, null, null);
        try (LoadedModel m = ModelLoader.load(f)) {
            List<int[]> prompts = prompts(m);
            List<Decoded> expected = aloneAll(m, prompts, DType.F32);
            Parallel.setThreads(2);
            // Long Q4_0 rows round x to bfloat16 (Bf16Activations), alone and batched alike, but an x that differs in its
            // last bit (sums in another order) can round to the neighbouring bfloat16: logits then differ by up to ~1e-4.
            assertSame(expected, batched(sessions(m, PLANS.size(), DType.F32), prompts, PLANS), type == DType.Q4_0 ? 1e-3 : 1e-4, type.toString());
        }
    }

    @Test
    void eachSessionKeepsItsOwnAdapterInTheBatch() throws Exception {
        try (LoadedModel m = ModelLoader.load(TinyModels.writeHf(tmp.resolve("hf"), Arch.LLAMA, 7))) {
            List<int[]> prompts = prompts(m);
            // Sessions made before the adapter attaches run the base weights, those after it base + adapter.
            List<Decoded> base = aloneAll(m, prompts, DType.F32);
            List<Session> baseSessions = sessions(m, PLANS.size(), DType.F32);
            LoraAdapter a = LoraRuntimeTest.adapted(m);
            List<Decoded> adapted = aloneAll(m, prompts, DType.F32);
            List<Session> adaptedSessions = sessions(m, PLANS.size(), DType.F32);
            a.detach();
            assertTrue(!Arrays.equals(base.get(0).logits().get(0), adapted.get(0).logits().get(0)), "the adapter changes the logits");
            // Alternate: even streams on the base, odd streams with the adapter, all in one batch.
            List<Session> mixed = new ArrayList<>();
            List<Decoded> expected = new ArrayList<>();
            for (int s = 0; s < PLANS.size(); s++) {
                mixed.add((s % 2 == 0 ? baseSessions : adaptedSessions).get(s));
                expected.add((s % 2 == 0 ? base : adapted).get(s));
            }
            Parallel.setThreads(3);
            assertSame(expected, batched(mixed, prompts, PLANS), "base and adapted sessions in one batch");
        }
    }

    @Test
    void refusesSessionsOfAnotherModelAndASessionTwice() throws Exception {
        try (LoadedModel m = ModelLoader.load(TinyModels.writeHf(tmp.resolve("a"), Arch.LLAMA, 1));
             LoadedModel other = ModelLoader.load(TinyModels.writeHf(tmp.resolve("b"), Arch.LLAMA, 2))) {
            Session s = m.model().newSession(8, DType.F32), t = other.model().newSession(8, DType.F32);
            s.forward(new int[] {1, 2}, false);
            t.forward(new int[] {1}, false);
            DecodeBatch batch = new DecodeBatch();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> batch.step(List.of(s, t), new int[] {3, 4}));
            assertTrue(e.getMessage().contains("another model"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> batch.step(List.of(s, s), new int[] {3, 4}));
            assertTrue(e.getMessage().contains("share one KV cache"), e.getMessage());
            assertEquals(2, s.cache().length(), "a refused step changes no cache");
        }
    }
}
