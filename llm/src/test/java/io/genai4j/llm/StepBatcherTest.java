package io.genai4j.llm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.models.llama.Arch;
import io.genai4j.models.llama.HfToGguf;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import io.genai4j.models.llama.TinyModels;
import io.genai4j.models.sampling.Penalties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Continuous batching through the generator: streams generating at once from their own threads
 * (different prompts, lengths, samplers, a stop string, a cancel) give each what it gives alone,
 * while their one-token steps really ran as batches.
 */
class StepBatcherTest {
    @TempDir
    Path tmp;

    static final String[] PROMPTS = {"Hello world! The quick", "The cache keeps keys and values so that", "café", "<|im_start|>user a b c", "Llamas and Qwens"};

    /** Cancels after n tokens (n < 0: never). */
    record CancelAfter(int n, int[] seen) implements GenerationListener {
        CancelAfter(int n) {
            this(n, new int[1]);
        }

        @Override
        public void onText(String text) {}

        @Override
        public void onToken(int id) {
            seen[0]++;
        }

        @Override
        public boolean cancelled() {
            return n >= 0 && seen[0] >= n;
        }
    }

    @Test
    void concurrentStreamsDecodedInBatchesGetWhatEachGetsAlone() throws Exception {
        Path gguf = tmp.resolve("q8.gguf");
        HfToGguf.convert(TinyModels.writeHf(tmp.resolve("hf"), Arch.QWEN2, 31), gguf, DType.Q8_0);
        int threadsBefore = Parallel.threads();
        Parallel.setThreads(2);
        ExecutorService pool = Executors.newFixedThreadPool(PROMPTS.length);
        try (LoadedModel m = ModelLoader.load(gguf)) {
            Generator alone = new Generator(m), together = alone.batched();
            GenerationOptions sampled = new GenerationOptions(18, 1.1f, 0, 0.95f, 0f, new Penalties(1.2f, 0f, 0f, 16), 5, List.of(), true);
            List<GenerationOptions> options = new ArrayList<>(List.of(GenerationOptions.greedy(20), sampled, GenerationOptions.greedy(7),
                    GenerationOptions.greedy(16), sampled.withMaxTokens(12)));
            int[] cancelAt = {-1, -1, -1, 5, -1};
            // Stream 0 also stops at a piece of the text it writes alone.
            String text0 = alone.generate(prompt(m, 0), options.get(0), null).text();
            String stop = text0.substring(text0.length() / 2, text0.length() / 2 + 2);
            GenerationOptions o0 = options.get(0);
            options.set(0, new GenerationOptions(o0.maxTokens(), o0.temperature(), o0.topK(), o0.topP(), o0.minP(), o0.penalties(), o0.seed(), List.of(stop), true));

            GenerationResult[] expected = new GenerationResult[PROMPTS.length];
            for (int i = 0; i < PROMPTS.length; i++) expected[i] = alone.generate(prompt(m, i), options.get(i), new CancelAfter(cancelAt[i]));
            assertEquals("stop", expected[0].stopReason(), "the stop string stops stream 0");
            assertEquals("cancelled", expected[3].stopReason());

            // Whether the streams overlap is up to the scheduler (on a busy machine a tiny model's stream may finish
            // before the next one starts), so rounds repeat until some steps were batched: every round must give
            // each stream's own tokens, and a batcher that never batches fails after ten rounds.
            for (int round = 0; round < 10 && (round < 2 || batchedRows(together) == 0); round++) {
                CyclicBarrier start = new CyclicBarrier(PROMPTS.length);
                List<Future<GenerationResult>> results = new ArrayList<>();
                for (int i = 0; i < PROMPTS.length; i++) {
                    int s = i;
                    results.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return together.generate(prompt(m, s), options.get(s), new CancelAfter(cancelAt[s]));
                    }));
                }
                for (int i = 0; i < PROMPTS.length; i++) {
                    GenerationResult r = results.get(i).get(60, TimeUnit.SECONDS);
                    assertArrayEquals(expected[i].ids(), r.ids(), "stream " + i + " round " + round);
                    assertEquals(expected[i].stopReason(), r.stopReason(), "stream " + i + " round " + round);
                    assertEquals(expected[i].text(), r.text(), "stream " + i + " round " + round);
                }
            }
            long[] counts = together.batcher().counts();
            assertTrue(batchedRows(together) > 0, "steps ran in batches: " + counts[1] + " rows in " + counts[0] + " steps");
            assertEquals(null, alone.batcher(), "a plain generator does not batch");
        } finally {
            pool.shutdownNow();
            Parallel.setThreads(threadsBefore);
        }
    }

    /** Rows decoded beyond one per step: more than zero once two streams shared a step. */
    static long batchedRows(Generator g) {
        long[] counts = g.batcher().counts();
        return counts[1] - counts[0];
    }

    static int[] prompt(LoadedModel m, int i) {
        return m.tokenizer().encode(PROMPTS[i], true, true);
    }
}
