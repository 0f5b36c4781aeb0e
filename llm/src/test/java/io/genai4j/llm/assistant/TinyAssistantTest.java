package io.genai4j.llm.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.agent.SchemaCheck;
import io.genai4j.llm.agent.builtin.Calculator;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatRequest;
import io.genai4j.llm.chat.ChatResponse;
import io.genai4j.llm.chat.LocalChatModel;
import io.genai4j.llm.chat.ToolCall;
import io.genai4j.models.llama.LoadedModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped model, end to end: it loads from the class path, its template is detected as Hermes,
 * an arithmetic question gets a calculator call with schema-valid arguments (finish reason
 * tool_calls), small talk gets no call, and on held-out questions it picks the right tool.
 */
class TinyAssistantTest {
    static LoadedModel m;
    static LocalChatModel chat;

    @BeforeAll
    static void load() throws Exception {
        m = TinyAssistant.load();
        chat = TinyAssistant.chatModel(m);
    }

    @AfterAll
    static void close() {
        m.close();
    }

    static ChatResponse ask(String question) {
        return chat.chat(new ChatRequest(List.of(ChatMessage.user(question)), TinyAssistant.TOOLS, "auto", null, GenerationOptions.greedy(48)));
    }

    @Test
    void anArithmeticQuestionIsACalculatorCall() {
        ChatResponse r = ask("What is 12 * 7?");
        assertEquals("tool_calls", r.finishReason(), r.toString());
        ToolCall c = r.message().toolCalls().getFirst();
        assertEquals(Calculator.NAME, c.name());
        assertTrue(SchemaCheck.problems(Calculator.spec().parametersSchema(), c.arguments()).isEmpty(), c.arguments());
        assertEquals("{\"expression\": \"12 * 7\"}", c.arguments());
    }

    @Test
    void smallTalkIsAnsweredWithoutTools() {
        ChatResponse r = ask("Hello!");
        assertTrue(r.message().toolCalls().isEmpty());
        assertEquals("stop", r.finishReason());
        assertEquals("Hello! How can I help you?", r.message().content());
    }

    @Test
    void heldOutQuestionsGetTheRightTool(@TempDir Path tmp) throws Exception {
        AssistantEval.Result r = AssistantEval.run(chat, 8, GenerationOptions.greedy(64), tmp, done -> {});
        assertEquals(r.all().questions(), r.all().rightTool(), r.toString());
        assertEquals(r.all().questions(), r.all().validArguments(), r.toString());
    }
}
