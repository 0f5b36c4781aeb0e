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
            int[] ids = m.tokenizer().encode("to be or not to be, that is the question. ".repeat(8), false, false);
            boolean[] all = new boolean[ids.length];
            java.util.Arrays.fill(all, true);
            List<TokenWindow> windows = TokenWindow.of(ids, all, 32);
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
}
