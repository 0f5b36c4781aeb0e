package io.genai4j.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.models.llama.Arch;
import io.genai4j.models.llama.HfToGguf;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import io.genai4j.models.llama.TinyModels;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While four sessions generate at once, threads sampled inside the runtime's forward pass hold no
 * monitor and no lock: a lock held across a forward (as the old {@code synchronized} inference copy
 * did) would show in nearly every sample and serialize the sessions.
 */
class NoLockHeldDuringForwardTest {
    @TempDir
    Path tmp;

    @Test
    void threadsInsideTheForwardPassHoldNoLock() throws Exception {
        Path hf = TinyModels.writeHf(tmp.resolve("hf"), Arch.QWEN2, 8);
        Path gguf = tmp.resolve("m.gguf");
        HfToGguf.convert(hf, gguf, DType.F32);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int before = Parallel.threads();
        Parallel.setThreads(2);
        try (LoadedModel m = ModelLoader.load(gguf)) {
            Generator g = new Generator(m);
            g.generate(m.tokenizer().encode("warm up", true, true), GenerationOptions.greedy(4), null);   // the runtime is planned once, under a lock
            // Plain threads: an executor's worker holds its own lock while it runs a task.
            List<Thread> runs = new ArrayList<>();
            for (String p : ConcurrentSessionsTest.PROMPTS) {
                int[] prompt = m.tokenizer().encode(p, true, true);
                runs.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < 20; i++) g.generate(prompt, GenerationOptions.greedy(40), null);
                }));
            }
            long[] ids = runs.stream().mapToLong(Thread::threadId).toArray();
            int inside = 0, locked = 0;
            String example = null;
            while (runs.stream().anyMatch(Thread::isAlive)) {
                for (ThreadInfo t : mx.getThreadInfo(ids, true, true)) {
                    if (t == null || !insideForward(t)) continue;
                    inside++;
                    if (t.getLockedMonitors().length > 0 || t.getLockedSynchronizers().length > 0) {
                        locked++;
                        if (example == null) example = t.toString();
                    }
                }
            }
            for (Thread t : runs) t.join(60_000);
            System.out.printf("%d samples inside a forward pass, %d holding a lock%n", inside, locked);
            assertTrue(inside > 0, "no sample caught a thread inside the forward pass");
            assertEquals(0, locked, "a thread inside the forward pass held a lock: " + example);
        } finally {
            Parallel.setThreads(before);
        }
    }

    private static boolean insideForward(ThreadInfo t) {
        for (StackTraceElement e : t.getStackTrace()) if (e.getClassName().equals("io.genai4j.engine.infer.DecoderRuntime")) return true;
        return false;
    }
}
