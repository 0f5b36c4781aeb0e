package io.genai4j.llm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * N = 4 sessions on one loaded model, generating at once from 4 threads, give the tokens of 4
 * sequential runs: the runtime (llama, qwen2, qwen3) and the module sessions (gpt2) keep no
 * per-request state, and the kernels' pool serves the concurrent callers. Greedy and seeded sampling.
 */
class ConcurrentSessionsTest {
    @TempDir
    Path tmp;

    static final String[] PROMPTS = {"Hello world! The quick", "The cache keeps", "café 1234 brown fox", "<|im_start|>user a b c"};

    @ParameterizedTest
    @EnumSource(value = Arch.class, names = {"LLAMA", "QWEN2", "QWEN3", "GPT2"})
    void fourConcurrentSessionsGiveTheTokensOfFourSequentialRuns(Arch arch) throws Exception {
        Path hf = TinyModels.writeHf(tmp.resolve("hf"), arch, 21);
        Path gguf = tmp.resolve(arch.ggufName() + ".gguf");
        HfToGguf.convert(hf, gguf, DType.Q8_0);
        int before = Parallel.threads();
        Parallel.setThreads(2);
        ExecutorService pool = Executors.newFixedThreadPool(PROMPTS.length);
        try (LoadedModel m = ModelLoader.load(gguf)) {
            Generator g = new Generator(m);
            List<GenerationOptions> options = List.of(GenerationOptions.greedy(24),
                    new GenerationOptions(24, 1.1f, 0, 0.95f, 0f, new Penalties(1.2f, 0f, 0f, 16), 5, List.of(), true));
            for (GenerationOptions o : options) {
                int[][] alone = new int[PROMPTS.length][];
                for (int i = 0; i < PROMPTS.length; i++) alone[i] = g.generate(m.tokenizer().encode(PROMPTS[i], true, true), o, null).ids();
                for (int round = 0; round < 3; round++) {
                    CyclicBarrier start = new CyclicBarrier(PROMPTS.length);
                    List<Future<int[]>> together = new ArrayList<>();
                    for (String p : PROMPTS) {
                        together.add(pool.submit(() -> {
                            int[] prompt = m.tokenizer().encode(p, true, true);
                            start.await(30, TimeUnit.SECONDS);
                            return g.generate(prompt, o, null).ids();
                        }));
                    }
                    for (int i = 0; i < PROMPTS.length; i++) {
                        int[] ids = together.get(i).get(120, TimeUnit.SECONDS);
                        assertTrue(alone[i].length > 0);
                        assertArrayEquals(alone[i], ids, arch + ", temperature " + o.temperature() + ", prompt " + i + ", round " + round);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
            Parallel.setThreads(before);
        }
    }
}
