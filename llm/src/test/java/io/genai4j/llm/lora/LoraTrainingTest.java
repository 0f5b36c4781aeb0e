package io.genai4j.llm.lora;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.engine.Rng;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.optim.LrSchedule;
import io.genai4j.llm.chat.ChatTemplate;
import io.genai4j.models.llama.Arch;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import io.genai4j.models.llama.ModelPreset;
import io.genai4j.models.llama.RandomModel;
import io.genai4j.models.llama.TinyModels;
import io.genai4j.models.train.TrainEvent;
import io.genai4j.models.train.TrainLoop;
import io.genai4j.text.vocab.LlmTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoraTrainingTest {
    @TempDir
    Path tmp;

    @Test
    void qloraOnARandomQ4_0LlamaLearnsARepeatedText() throws Exception {
        Path file = tmp.resolve("tiny-q4_0.gguf");
        RandomModel.write(file, ModelPreset.TINY, DType.Q4_0, null, 1, null, null);
        try (LoadedModel m = ModelLoader.load(file)) {
            Module model = (Module) m.model();
            List<TokenWindow> windows = everyTokenCounts(m, 8);
            LoraAdapter a = LoraAdapter.wrap(model, new LoraConfig(4, 8, 0f, false, LoraTargets.parse("all-linear"), ""), new Rng(1));
            LoraTask task = new LoraTask(LoraTask.of(m.model()), a, windows, windows, 2, 1e-2, 7);
            double before = task.meanLoss(windows);
            List<TrainEvent> events = new ArrayList<>();
            new TrainLoop(task, TrainLoop.Settings.steps(25, LrSchedule.constant(1e-2), 1.0), events::add).run();
            double after = task.meanLoss(windows);
            assertTrue(after < before - 1.0, "loss " + before + " -> " + after);
            assertEquals(25, events.stream().filter(e -> e instanceof TrainEvent.Step).count());
            assertEquals(DType.Q4_0, model.stateDict().get("model.layers.0.self_attn.q_proj.weight").dtype(), "the base stays quantized");
        }
    }

    /**
     * GPT-2's fused c_attn, c_proj, c_fc and the MLP's c_proj take adapters like Llama's projections:
     * trained on a Q8_0 base, run unmerged by the decoder runtime as the modules compute them, and
     * loaded back from PEFT and llama.cpp files to the same logits.
     */
    @Test
    void loraOnAGpt2ModelTrainsRunsOnTheRuntimeAndRoundTrips() throws Exception {
        Path q8 = tmp.resolve("gpt2-q8_0.gguf");
        io.genai4j.models.llama.HfToGguf.convert(TinyModels.writeHf(tmp.resolve("gpt2"), Arch.GPT2, 4), q8, DType.Q8_0);
        try (LoadedModel m = ModelLoader.load(q8)) {
            Module model = (Module) m.model();
            List<TokenWindow> windows = everyTokenCounts(m, 6);
            LoraTargets targets = LoraTargets.parse("all-linear");
            LoraAdapter a = LoraAdapter.wrap(model, new LoraConfig(4, 8, 0f, false, targets, ""), new Rng(1));
            long d = 64, ffn = 256;   // TinyModels' GPT-2: 2 layers of c_attn [3d, d], c_proj [d, d], c_fc [4d, d], c_proj [d, 4d]
            assertEquals(2 * 4 * ((d + 3 * d) + (d + d) + (d + ffn) + (ffn + d)), a.trainable(model).trainable());
            LoraTask task = new LoraTask(LoraTask.of(m.model()), a, windows, windows, 2, 1e-2, 7);
            double before = task.meanLoss(windows);
            new TrainLoop(task, TrainLoop.Settings.steps(20, LrSchedule.constant(1e-2), 1.0), e -> {}).run();
            double after = task.meanLoss(windows);
            assertTrue(after < before - 0.5, "loss " + before + " -> " + after);
            assertEquals(DType.Q8_0, model.stateDict().get("transformer.h.0.attn.c_attn.weight").dtype(), "the base stays quantized");
            a.train(false);

            int[] probe = java.util.Arrays.copyOf(windows.getFirst().input(), 20);
            float[] trained = LoraRuntimeTest.runtime(m, probe);
            LoraRuntimeTest.assertClose(LoraRuntimeTest.modules(m, probe), trained, 1e-4, "gpt2 runtime vs modules, adapters unmerged");
            LoraWeights w = LoraWeights.of(a, m.config());
            Path peft = tmp.resolve("peft"), gguf = tmp.resolve("adapter.gguf");
            PeftAdapter.write(peft, w);
            GgufAdapter.write(gguf, w, m.config().arch().ggufName(), RotaryRows.of(m.config()), DType.F32);
            a.detach();
            float[] base = LoraRuntimeTest.runtime(m, probe);
            assertTrue(LoraFormatsTest.maxDiff(base, trained) > 1e-2, "the adapter changed the logits");

            LoraAdapter fromPeft = PeftAdapter.read(peft).applyTo(model, m.config(), 1f);
            LoraRuntimeTest.assertClose(trained, LoraRuntimeTest.runtime(m, probe), 1e-5, "gpt2 adapter read back from PEFT");
            fromPeft.detach();
            List<String> layers = LinearSite.of(model).stream().map(LinearSite::name).toList();
            GgufAdapter.read(gguf, layers, RotaryRows.of(m.config())).applyTo(model, m.config(), 1f);
            LoraRuntimeTest.assertClose(trained, LoraRuntimeTest.runtime(m, probe), 1e-5, "gpt2 adapter read back from llama.cpp's GGUF layout");
        }
    }

    @Test
    void chatMaskCountsOnlyTheAssistantsReplies() throws Exception {
        Path hf = TinyModels.writeHf(tmp.resolve("hf"), Arch.QWEN2, 1);
        try (LoadedModel m = ModelLoader.load(hf)) {
            LlmTokenizer tok = m.tokenizer();
            ChatTemplate template = new ChatTemplate(m.chatTemplate());
            List<Map<String, Object>> conv = List.of(ChatTemplate.message("user", "Hello world"), ChatTemplate.message("assistant", "The fox"),
                    ChatTemplate.message("user", "again"), ChatTemplate.message("assistant", "The dog"));
            ChatExamples.Masked x = ChatExamples.mask(conv, template, tok);
            assertArrayEquals(tok.encode(template.render(conv, false, "", "", null), false, true), x.tokens(), "pieces tokenize as the whole");
            StringBuilder counted = new StringBuilder();
            for (int i = 0; i < x.tokens().length; i++) if (x.counts()[i]) counted.append(tok.decode(new int[] {x.tokens()[i]}, true));
            assertEquals("The fox<|im_end|>\nThe dog<|im_end|>\n", counted.toString());

            Path jsonl = tmp.resolve("chat.jsonl");
            Files.writeString(jsonl, "{\"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}, {\"role\": \"assistant\", \"content\": \"world\"}]}\n\n");
            List<TokenWindow> w = ChatExamples.read(jsonl, template, tok, 64);
            assertEquals(1, w.size());
            assertTrue(w.get(0).counted() > 0 && w.get(0).counted() < w.get(0).input().length);
            Files.writeString(jsonl, "{\"messages\": [{\"role\": \"user\"}]}\n");
            var e = assertThrows(IllegalArgumentException.class, () -> ChatExamples.read(jsonl, template, tok, 64));
            assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        }
    }

    @Test
    void windowsPredictTheNextTokenAndSkipWhatDoesNotCount() {
        int[] ids = {10, 11, 12, 13, 14, 15};
        boolean[] counts = {false, false, true, true, false, true};
        List<TokenWindow> w = TokenWindow.of(ids, counts, 3);
        assertEquals(2, w.size());
        assertArrayEquals(new int[] {10, 11, 12}, w.get(0).input());
        assertArrayEquals(new int[] {-1, 12, 13}, w.get(0).target());
        assertArrayEquals(new int[] {13, 14}, w.get(1).input());
        assertArrayEquals(new int[] {-1, 15}, w.get(1).target());
    }

    @Test
    void aCharModelReadsANewCorpusThroughItsAlphabet() {
        var tok = io.genai4j.text.CharTokenizer.fit("abcde \n");
        assertEquals("a ce\nb\n", TextExamples.inAlphabet(TextExamples.column("x\tà çé!\tcc\ny\tb\n", 2), tok));
        List<TokenWindow> w = TextExamples.windows("abcabc", tok, 2);
        assertEquals(3, w.size());
        assertEquals(5, w.stream().mapToInt(TokenWindow::counted).sum());
    }

    /** Windows of 32 tokens of a repeated line, every target counted. */
    private static List<TokenWindow> everyTokenCounts(LoadedModel m, int repeats) {
        int[] ids = m.tokenizer().encode("to be or not to be, that is the question. ".repeat(repeats), false, false);
        boolean[] all = new boolean[ids.length];
        java.util.Arrays.fill(all, true);
        return TokenWindow.of(ids, all, 32);
    }
}
