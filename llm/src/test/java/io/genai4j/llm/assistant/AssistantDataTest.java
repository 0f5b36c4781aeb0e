package io.genai4j.llm.assistant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.llm.agent.Tool;
import io.genai4j.llm.agent.builtin.Calculator;
import io.genai4j.llm.agent.builtin.CurrentTime;
import io.genai4j.llm.agent.builtin.FolderSearch;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatRenderer;
import io.genai4j.llm.chat.ChatTemplate;
import io.genai4j.llm.chat.ToolCall;
import io.genai4j.text.vocab.LlmTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthetic conversations agree with the real tools (what the model reads in training is what
 * it reads when it runs), cover the four kinds, and are tokenized so a number is the same token in
 * the question, the call and the result.
 */
class AssistantDataTest {
    @TempDir
    Path tmp;

    @Test
    void toolResultsInTrainingAreWhatTheToolsReturn() throws Exception {
        AssistantData d = new AssistantData(3);
        Map<String, Integer> kinds = new HashMap<>();
        for (int i = 0; i < 250; i++) {
            AssistantData.Sample s = d.next();
            kinds.merge(s.tool() == null ? "none" : s.tool(), 1, Integer::sum);
            if (s.tool() == null) {
                assertEquals(2, s.conversation().size());
                continue;
            }
            ToolCall call = s.conversation().get(1).toolCalls().getFirst();
            String result = s.conversation().get(2).content();
            String answer = s.conversation().get(3).content();
            assertTrue(answer.contains(s.expected()), answer + " / " + s.expected());
            switch (s.tool()) {
                case Calculator.NAME -> assertEquals(result, Calculator.tool().call(call.arguments()));
                case CurrentTime.NAME -> assertEquals(result, CurrentTime.tool(Clock.fixed(s.now(), ZoneOffset.UTC)).call(call.arguments()));
                case FolderSearch.NAME -> {
                    Path dir = Files.createDirectories(tmp.resolve("n" + i));
                    for (var e : s.notes().entrySet()) Files.write(dir.resolve(e.getKey()), e.getValue());
                    Tool search = FolderSearch.tool(dir, 3);
                    // the note's own line ranks first, as in the training result
                    assertEquals(result.lines().findFirst().orElseThrow(), search.call(call.arguments()).lines().findFirst().orElseThrow());
                }
                default -> throw new AssertionError(s.tool());
            }
        }
        assertEquals(4, kinds.size(), kinds.toString());
        for (int n : kinds.values()) assertTrue(n > 40, kinds.toString());
    }

    @Test
    void aNumberIsOneTokenWhereverItIsWritten() {
        AssistantData d = new AssistantData(5);
        StringBuilder text = new StringBuilder();
        LlmTokenizer plain = new LlmTokenizer(AssistantVocabulary.train("<|im_start|>", 259));
        ChatRenderer r0 = new ChatRenderer(new ChatTemplate(AssistantTemplate.SOURCE), plain);
        for (int i = 0; i < 200; i++) text.append(r0.render(d.next().conversation(), TinyAssistant.TOOLS, false));
        LlmTokenizer tok = new LlmTokenizer(AssistantVocabulary.train(text.toString(), 512));
        int[] inQuestion = tok.encode("What is 12 * 7?", false, true);
        int[] inCall = tok.encode("{\"expression\": \"12 * 7\"}", false, true);
        int[] inResult = tok.encode("<tool_response>\n84\n</tool_response>", false, true);
        int[] inAnswer = tok.encode("The answer is 84.", false, true);
        int[] twelve = tok.encode("12", false, true), eightyFour = tok.encode("84", false, true);
        assertTrue(contains(inQuestion, twelve) && contains(inCall, twelve), Arrays.toString(inQuestion) + " " + Arrays.toString(inCall));
        assertTrue(contains(inResult, eightyFour) && contains(inAnswer, eightyFour), Arrays.toString(inResult) + " " + Arrays.toString(inAnswer));
    }

    @Test
    void theCorpusLearnsOnlyTheAssistantsTurns() {
        AssistantData d = new AssistantData(9);
        List<AssistantData.Sample> samples = new ArrayList<>();
        while (samples.size() < 1 || samples.getLast().tool() == null) samples.add(d.next());
        samples = List.of(samples.getLast());
        LlmTokenizer tok = new LlmTokenizer(AssistantVocabulary.train("<|im_start|>", 259));
        ChatRenderer r = new ChatRenderer(new ChatTemplate(AssistantTemplate.SOURCE), tok);
        AssistantCorpus c = AssistantCorpus.of(samples, r, tok, TinyAssistant.TOOLS);
        List<ChatMessage> conv = samples.getFirst().conversation();
        String all = r.render(conv, TinyAssistant.TOOLS, false);
        assertArrayEquals(tok.encode(all, false, true), c.window(0, c.size(), -1)[0]);
        int[][] w = c.window(0, c.size() - 1, -1);
        StringBuilder learned = new StringBuilder();
        for (int t : w[1]) if (t >= 0) learned.append(new String(tok.piece(t, true), java.nio.charset.StandardCharsets.UTF_8));
        String call = r.render(conv.subList(0, 2), TinyAssistant.TOOLS, false).substring(r.render(conv.subList(0, 1), TinyAssistant.TOOLS, true).length());
        assertTrue(learned.toString().startsWith(call), learned + "\n---\n" + call);
        assertTrue(learned.toString().endsWith(conv.getLast().content() + "<|im_end|>\n"), learned.toString());
        assertTrue(!learned.toString().contains(conv.getFirst().content()), "the question is not learned");
    }

    private static boolean contains(int[] a, int[] b) {
        outer:
        for (int i = 0; i + b.length <= a.length; i++) {
            for (int j = 0; j < b.length; j++) if (a[i + j] != b[j]) continue outer;
            return true;
        }
        return false;
    }
}
