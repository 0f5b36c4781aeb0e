package io.genai4j.llm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.models.llama.Arch;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import io.genai4j.models.llama.TinyModels;
import io.genai4j.models.sampling.Penalties;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTest {
    @TempDir
    Path tmp;

    private LoadedModel tiny(Arch arch) throws Exception {
        return ModelLoader.load(TinyModels.writeGguf(tmp, arch, 11, DType.F32));
    }

    @Test
    void greedyDecodingWithTheCacheEqualsDecodingWithout() throws Exception {
        for (Arch arch : new Arch[] {Arch.LLAMA, Arch.QWEN3, Arch.GPT2}) {
            try (LoadedModel m = tiny(arch)) {
                int[] prompt = m.tokenizer().encode("Hello world! The quick", true, true);
                Generator g = new Generator(m);
                GenerationOptions o = GenerationOptions.greedy(24);
                StringBuilder streamed = new StringBuilder();
                GenerationResult cached = g.generate(prompt, o, streamed::append);
                GenerationResult plain = g.generate(prompt, o.withCache(false), null);
                assertArrayEquals(plain.ids(), cached.ids(), arch + ": cache vs no cache");
                assertEquals(plain.text(), cached.text());
                assertEquals(cached.text(), streamed.toString(), "streamed pieces add up to the text");
                assertTrue(cached.ids().length > 0);
            }
        }
    }

    @Test
    void samplingIsSeededAndStopStringsCutTheText() throws Exception {
        try (LoadedModel m = tiny(Arch.QWEN2)) {
            int[] prompt = m.tokenizer().encode("The cache keeps", false, false);
            Generator g = new Generator(m);
            GenerationOptions o = new GenerationOptions(30, 1.2f, 0, 1f, 0f, new Penalties(1.3f, 0.1f, 0.1f, 16), 7, List.of(), true);
            GenerationResult a = g.generate(prompt, o, null), b = g.generate(prompt, o, null);
            assertArrayEquals(a.ids(), b.ids(), "same seed, same text");
            GenerationResult c = g.generate(prompt, new GenerationOptions(30, 1.2f, 0, 1f, 0f, Penalties.NONE, 8, List.of(), true), null);
            assertFalse(java.util.Arrays.equals(a.ids(), c.ids()), "another seed, another text");
            assertTrue(a.text().length() > 4);
            String stop = a.text().substring(2, 4);
            StringBuilder streamed = new StringBuilder();
            GenerationResult s = g.generate(prompt, new GenerationOptions(30, 1.2f, 0, 1f, 0f, new Penalties(1.3f, 0.1f, 0.1f, 16), 7, List.of(stop), true), streamed::append);
            assertEquals("stop", s.stopReason());
            assertEquals(a.text().substring(0, a.text().indexOf(stop)), s.text());
            assertEquals(s.text(), streamed.toString(), "nothing of the stop string is streamed");
        }
    }

    @Test
    void logitBiasBansAndForcesTokens() throws Exception {
        try (LoadedModel m = tiny(Arch.LLAMA)) {
            int[] prompt = m.tokenizer().encode("Hello world! The quick", true, true);
            Generator g = new Generator(m);
            GenerationOptions o = GenerationOptions.greedy(6);
            int first = g.generate(prompt, o, null).ids()[0];
            GenerationResult banned = g.generate(prompt, o.withLogitBias(java.util.Map.of(first, -100f)), null);
            for (int id : banned.ids()) assertTrue(id != first, "token " + first + " is banned: " + java.util.Arrays.toString(banned.ids()));
            int forced = (first + 7) % m.config().vocabSize();
            while (m.tokenizer().isEndOfGeneration(forced)) forced = (forced + 1) % m.config().vocabSize();
            GenerationResult always = g.generate(prompt, o.withLogitBias(java.util.Map.of(forced, 100f)), null);
            for (int id : always.ids()) assertEquals(forced, id, "+100 forces token " + forced);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> g.generate(prompt, o.withLogitBias(java.util.Map.of(m.config().vocabSize(), 1f)), null));
            assertTrue(e.getMessage().contains("logit_bias names token id " + m.config().vocabSize()), e.getMessage());
        }
    }

    @Test
    void contextOverflowIsAClearError() throws Exception {
        try (LoadedModel m = tiny(Arch.LLAMA)) {
            int ctx = m.config().contextLength();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Generator(m).generate(new int[] {1, 2, 3}, GenerationOptions.greedy(ctx), null));
            assertTrue(e.getMessage().contains("context length of " + ctx), e.getMessage());
        }
    }

    @Test
    void cancellingFromTheListenerStopsBeforeTheNextToken() throws Exception {
        try (LoadedModel m = tiny(Arch.QWEN2)) {
            int[] prompt = m.tokenizer().encode("The cache keeps", false, false);
            AtomicInteger tokens = new AtomicInteger();
            GenerationListener cancelAtThree = new GenerationListener() {
                @Override
                public void onText(String text) {}

                @Override
                public void onToken(int id) {
                    tokens.incrementAndGet();
                }

                @Override
                public boolean cancelled() {
                    return tokens.get() >= 3;
                }
            };
            Generator g = new Generator(m);
            var session = g.newSession(64);
            GenerationResult r = g.continueFrom(session, new int[0], prompt, new GenerationOptions(40, 1.2f, 0, 1f, 0f, Penalties.NONE, 3, List.of(), true), cancelAtThree);
            assertEquals("cancelled", r.stopReason());
            assertEquals(3, r.ids().length);
            assertEquals(prompt.length + 2, session.cache().length(), "the third token was not run through the model");
        }
    }

    @Test
    void cancellingFromAnotherThreadStopsWithinOneToken() throws Exception {
        try (LoadedModel m = tiny(Arch.LLAMA)) {
            int[] prompt = m.tokenizer().encode("Hello world! The quick", true, true);
            AtomicInteger tokens = new AtomicInteger();
            AtomicBoolean cancel = new AtomicBoolean();
            GenerationListener l = new GenerationListener() {
                @Override
                public void onText(String text) {}

                @Override
                public void onToken(int id) {
                    tokens.incrementAndGet();
                    try {
                        Thread.sleep(5);   // a slow client: room for the canceller to run mid-generation
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }

                @Override
                public boolean cancelled() {
                    return cancel.get();
                }
            };
            int[] seenAtCancel = {-1};
            Thread client = new Thread(() -> {
                while (tokens.get() < 2) Thread.onSpinWait();
                cancel.set(true);                 // the client disconnects...
                seenAtCancel[0] = tokens.get();   // ...having seen at least this many tokens
            });
            client.start();
            GenerationOptions o = new GenerationOptions(80, 1.2f, 0, 1f, 0f, Penalties.NONE, 9, List.of(), true);
            GenerationResult r = new Generator(m).generate(prompt, o, l);
            client.join(30_000);
            assertTrue(seenAtCancel[0] >= 2, "the client saw tokens before cancelling");
            assertEquals("cancelled", r.stopReason());
            assertTrue(r.ids().length <= seenAtCancel[0] + 1, r.ids().length + " tokens, " + seenAtCancel[0] + " seen at cancellation");
        }
    }
}
