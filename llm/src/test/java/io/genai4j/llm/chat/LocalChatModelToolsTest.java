package io.genai4j.llm.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.tools.ToolCallFormat;
import io.genai4j.engine.Rng;
import io.genai4j.llm.assistant.AssistantTemplate;
import io.genai4j.llm.assistant.AssistantTrainer;
import io.genai4j.llm.assistant.AssistantVocabulary;
import io.genai4j.models.llama.GgufModelWriter;
import io.genai4j.models.llama.LlamaConfig;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import io.genai4j.text.vocab.Vocabulary;
import java.util.Map;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tool_choice on the local model: {@code none} offers nothing and parses nothing, a named tool is
 * forced by prefilling the call's opening (so even a random-weight model answers with that call,
 * streamed through onToolCall), {@code required} opens a call and leaves the name to the model,
 * and a template without tools gets them in a system message.
 */
class LocalChatModelToolsTest {
    @TempDir
    static Path tmp;
    static LoadedModel m;
    static final ToolSpec CALC = new ToolSpec("calculator", "Evaluates arithmetic",
            "{\"type\":\"object\",\"properties\":{\"expression\":{\"type\":\"string\"}},\"required\":[\"expression\"]}");
    static final List<ChatMessage> ASK = List.of(ChatMessage.user("What is 2 + 2?"));

    /** A random-weight model with the tiny assistant's vocabulary shape and Hermes-style template, 256 positions. */
    @BeforeAll
    static void load() throws Exception {
        Path gguf = tmp.resolve("random-assistant.gguf");
        Vocabulary v = AssistantVocabulary.train("What is 2 + 2? <tool_call> {\"name\": \"calculator\", \"arguments\": {}} </tool_call>", 300);
        LlamaConfig c = new AssistantTrainer.Shape(32, 1, 2, 64, 256, v.size()).config();
        GgufModelWriter.write(gguf, c, "random assistant", AssistantTrainer.initialWeights(c, new Rng(3)), v, AssistantTemplate.SOURCE, DType.F32, Map.of());
        m = ModelLoader.load(gguf);
    }

    @AfterAll
    static void close() {
        m.close();
    }

    static ChatRequest request(String choice) {
        return new ChatRequest(ASK, List.of(CALC), choice, null, GenerationOptions.greedy(8));
    }

    @Test
    void aNamedToolChoiceMakesEvenARandomModelCallIt() {
        List<String> names = new ArrayList<>();
        StringBuilder fragments = new StringBuilder();
        ChatResponse r = new LocalChatModel(m, "tiny", 1).chat(request("calculator"), new ChatListener() {
            @Override
            public void onToolCall(int index, String id, String name, String fragment) {
                if (name != null) names.add(name);
                fragments.append(fragment);
            }
        });
        assertEquals(1, r.message().toolCalls().size(), r.toString());
        assertEquals("calculator", r.message().toolCalls().getFirst().name());
        assertEquals(List.of("calculator"), names, "the call streams before the answer is complete");
        assertEquals(r.message().toolCalls().getFirst().arguments(), fragments.toString());
        assertTrue(List.of("tool_calls", "length").contains(r.finishReason()), r.finishReason());
    }

    @Test
    void noneOffersNoToolsAndParsesNothing() {
        ToolUse u = ToolUse.of(request("none"), ToolCallFormat.HERMES);
        assertNull(u.rendered());
        assertNull(u.parser(ChatListener.NONE, "c"));
        assertEquals(ASK, u.messages());
        assertEquals("", u.opening());
        ChatResponse r = new LocalChatModel(m, "tiny", 1).chat(request("none"));
        assertTrue(r.message().toolCalls().isEmpty());
        assertEquals(new LocalChatModel(m, "tiny", 1).chat(ChatRequest.of(ASK, GenerationOptions.greedy(8))).message().content(), r.message().content(),
                "the same answer as a request without tools");
    }

    @Test
    void requiredOpensACallAndAutoDoesNot() {
        assertEquals("<tool_call>\n{\"name\": \"", ToolUse.of(request("required"), ToolCallFormat.HERMES).opening());
        assertEquals("[TOOL_CALLS][{\"name\": \"calculator\", \"arguments\": ", ToolUse.of(request("calculator"), ToolCallFormat.MISTRAL).opening());
        assertEquals("{\"name\": \"calculator\", \"parameters\": ", ToolUse.of(request("calculator"), ToolCallFormat.LLAMA31).opening());
        ToolUse auto = ToolUse.of(request("auto"), ToolCallFormat.HERMES);
        assertEquals("", auto.opening());
        assertEquals(List.of(CALC), auto.rendered());
    }

    @Test
    void aTemplateWithoutToolsGetsThemInASystemMessage() {
        ToolUse u = ToolUse.of(request("auto"), ToolCallFormat.GENERIC);
        assertNull(u.rendered());
        assertEquals("system", u.messages().getFirst().role());
        assertTrue(u.messages().getFirst().content().contains("\"name\":\"calculator\""), u.messages().getFirst().content());
        assertEquals(ASK.getFirst(), u.messages().get(1));
    }

    @Test
    void aToolChoiceThatNamesNoToolIsAnError() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ToolUse.of(request("weather"), ToolCallFormat.HERMES)).getMessage()
                .contains("not among the request's tools"));
        assertThrows(IllegalArgumentException.class, () -> ToolUse.of(new ChatRequest(ASK, List.of(), "required", null, GenerationOptions.greedy(1)),
                ToolCallFormat.HERMES));
    }
}
