package io.genai4j.llm.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.genai4j.llm.assistant.AssistantTemplate;
import io.genai4j.llm.tools.ToolCallFormat;
import io.genai4j.llm.tools.ToolCallParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden tests with real chat templates (Qwen 2.5, Llama 3.2's JSON tool calling as 3.1 has it,
 * Mistral v0.3's {@code [TOOL_CALLS]}): the format is detected from the template's text, and an
 * assistant turn that calls a tool, rendered by the template, parses back to the same call, so the
 * parser reads what the model was trained to write.
 */
class ToolTemplatesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ToolSpec WEATHER = new ToolSpec("get_weather", "Current weather in a city",
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},\"unit\":{\"type\":\"string\",\"enum\":[\"celsius\",\"fahrenheit\"]}},\"required\":[\"city\"]}");
    static final ToolCall CALL = new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\",\"unit\":\"celsius\"}");

    static String resource(String name) throws IOException {
        try (InputStream in = ToolTemplatesTest.class.getResourceAsStream("/io/genai4j/llm/tools/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String render(String template, List<ChatMessage> messages, boolean generationPrompt) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (ChatMessage m : messages) maps.add(ChatRenderer.toTemplate(m));
        return new ChatTemplate(template).render(maps, generationPrompt, "<s>", "</s>", List.of(ChatRenderer.toTemplate(WEATHER)));
    }

    /** The text the model writes for its call turn: the rendered turn after the prompt, without its end-of-turn token. */
    static String callTurn(String template, String endOfTurn) {
        List<ChatMessage> asked = List.of(ChatMessage.user("What is the weather in Paris?"));
        String prompt = render(template, asked, true);
        List<ChatMessage> answered = new ArrayList<>(asked);
        answered.add(ChatMessage.assistant("", List.of(CALL)));
        String full = render(template, answered, false);
        assertTrue(full.startsWith(prompt), "the call turn continues the prompt:\n" + prompt + "\n---\n" + full);
        String turn = full.substring(prompt.length());
        assertTrue(turn.endsWith(endOfTurn), turn);
        return turn.substring(0, turn.length() - endOfTurn.length());
    }

    static void parsesBack(ToolCallFormat f, String generated) throws IOException {
        ToolCallParser p = new ToolCallParser(f, ChatListener.NONE, "call_");
        for (char c : generated.toCharArray()) p.add(String.valueOf(c));
        p.finish();
        assertEquals(1, p.calls().size(), generated);
        assertEquals("get_weather", p.calls().getFirst().name());
        assertEquals(JSON.readTree(CALL.arguments()), JSON.readTree(p.calls().getFirst().arguments()), generated);
        assertEquals("", p.text().strip(), generated);
    }

    @Test
    void qwen25WritesHermesCalls() throws IOException {
        assertEquals(ToolCallFormat.HERMES, ToolCallFormat.of(ChatTemplateTest.QWEN25));
        String turn = callTurn(ChatTemplateTest.QWEN25, "<|im_end|>\n");
        assertEquals("<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\", \"unit\": \"celsius\"}}\n</tool_call>", turn);
        parsesBack(ToolCallFormat.HERMES, turn);
    }

    @Test
    void llama32WritesJsonCallsWithParameters() throws IOException {
        String t = resource("llama32.jinja");
        assertEquals(ToolCallFormat.LLAMA31, ToolCallFormat.of(t));
        String turn = callTurn(t, "<|eot_id|>");
        assertEquals("{\"name\": \"get_weather\", \"parameters\": {\"city\": \"Paris\", \"unit\": \"celsius\"}}", turn);
        parsesBack(ToolCallFormat.LLAMA31, turn);
        assertTrue(render(t, List.of(ChatMessage.user("hi")), true).contains("\"name\": \"get_weather\""), "the tools are in the prompt");
    }

    @Test
    void mistralWritesAToolCallsList() throws IOException {
        String t = resource("mistral-v03.jinja");
        assertEquals(ToolCallFormat.MISTRAL, ToolCallFormat.of(t));
        String turn = callTurn(t, "");
        assertEquals("[TOOL_CALLS] [{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\", \"unit\": \"celsius\"}}]", turn);
        parsesBack(ToolCallFormat.MISTRAL, turn);
        parsesBack(ToolCallFormat.MISTRAL, turn.substring("[TOOL_CALLS]".length()));   // the control token decoded as nothing
        assertTrue(render(t, List.of(ChatMessage.user("hi")), true).contains("[AVAILABLE_TOOLS] [{\"type\": \"function\""));
    }

    @Test
    void theTinyAssistantsTemplateWritesHermesCalls() throws IOException {
        assertEquals(ToolCallFormat.HERMES, ToolCallFormat.of(AssistantTemplate.SOURCE));
        parsesBack(ToolCallFormat.HERMES, callTurn(AssistantTemplate.SOURCE, "<|im_end|>\n"));
    }

    @Test
    void templatesWithoutToolsGetTheGenericPrompt() {
        assertEquals(ToolCallFormat.GENERIC, ToolCallFormat.of(ChatTemplateTest.LLAMA3));
        assertEquals(ToolCallFormat.GENERIC, ToolCallFormat.of(ChatTemplate.CHATML));
        assertEquals(ToolCallFormat.GENERIC, ToolCallFormat.of(null));
    }
}
