package io.genai4j.llm.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.GenerationResult;
import io.genai4j.llm.Generator;
import io.genai4j.models.llama.Arch;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import io.genai4j.models.llama.TinyModels;
import io.genai4j.models.sampling.Penalties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local chat model answers exactly what the generator answers on the rendered conversation,
 * whether the conversation's earlier turns come from a session's KV cache or not, alone or with
 * other requests at once; a turn that cannot be answered leaves the conversation as it was.
 */
class LocalChatModelTest {
    @TempDir
    static Path tmp;
    static LoadedModel m;
    static final GenerationOptions GREEDY = GenerationOptions.greedy(10);
    static final GenerationOptions SAMPLED = new GenerationOptions(10, 0.9f, 0, 0.95f, 0f, Penalties.NONE, 7, List.of(), true);

    @BeforeAll
    static void load() throws Exception {
        m = ModelLoader.load(TinyModels.writeGguf(tmp, Arch.LLAMA, 3, DType.F32));
    }

    @AfterAll
    static void close() {
        m.close();
    }

    /** The answer of a fresh session: the reference every other path must match. */
    static String fresh(List<ChatMessage> messages, GenerationOptions o) {
        int[] ids = new ChatRenderer(m).encode(messages, List.of());
        return new Generator(m).generate(ids, o, null).text();
    }

    @Test
    void anAnswerIsTheGeneratorsOnTheRenderedConversation() {
        List<ChatMessage> msgs = List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hello world"));
        ChatResponse r = new LocalChatModel(m, "tiny", 1).chat(ChatRequest.of(msgs, GREEDY));
        assertEquals(fresh(msgs, GREEDY), r.message().content());
        assertEquals("assistant", r.message().role());
        assertEquals(new ChatRenderer(m).encode(msgs, List.of()).length, r.usage().promptTokens());
        assertTrue(List.of("stop", "length").contains(r.finishReason()), r.finishReason());
    }

    @Test
    void aFollowUpTurnReusesTheCacheAndAnswersAsAFreshSessionWould() throws Exception {
        LocalChatModel model = new LocalChatModel(m, "tiny", 1);
        Conversation c = new Conversation(model, null);
        c.send("The quick brown fox", SAMPLED, ChatListener.NONE);
        List<ChatMessage> before = c.messages();
        String second = c.send("and the lazy dog", SAMPLED, ChatListener.NONE).message().content();
        List<ChatMessage> asked = c.messages().subList(0, before.size() + 1);
        assertEquals(fresh(asked, SAMPLED), second);

        int[] next = new ChatRenderer(m).encode(c.messages(), List.of());
        SessionPool.Lease lease = model.pool().acquire(next, 1000);
        assertNotNull(lease);
        int firstTurns = new ChatRenderer(m).encode(before, List.of()).length;
        assertTrue(lease.reused() >= firstTurns, "the cache keeps the earlier turns: reused " + lease.reused() + " of " + next.length);
        model.pool().release(lease);
    }

    @Test
    void aTurnThatDoesNotFitLeavesTheConversationAsItWas() {
        Conversation c = new Conversation(new LocalChatModel(m, "tiny", 1), "Be brief.");
        c.send("Hello", GREEDY, ChatListener.NONE);
        List<ChatMessage> before = c.messages();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.send("word ".repeat(400), GREEDY, ChatListener.NONE));
        assertTrue(e.getMessage().contains("more than the model's context"), e.getMessage());
        assertEquals(before, c.messages());
        String answer = c.send("again", GREEDY, ChatListener.NONE).message().content();
        assertEquals(fresh(c.messages().subList(0, before.size() + 1), GREEDY), answer);
    }

    @Test
    void aSessionContextBoundsThePromptAndTheAnswer() {
        LocalChatModel model = new LocalChatModel(m, "tiny", 1, 24);
        assertEquals(24, model.context());
        int[] prompt = m.tokenizer().encode("Hello world", true, false);
        GenerationResult r = model.complete(prompt, GenerationOptions.greedy(100), null);
        assertTrue(prompt.length + r.ids().length <= 24, "the answer stops at the session's context: " + r.ids().length);
        int[] tooLong = m.tokenizer().encode("the quick brown fox ".repeat(12), true, false);
        assertTrue(tooLong.length >= 24);
        PromptTooLongException e = assertThrows(PromptTooLongException.class, () -> model.complete(tooLong, GREEDY, null));
        assertTrue(e.getMessage().contains("context of 24 tokens per session"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LocalChatModel(m, "tiny", 1, m.config().contextLength() + 1));
    }

    @Test
    void concurrentRequestsAnswerAsSequentialOnes() throws Exception {
        LocalChatModel model = new LocalChatModel(m, "tiny", 2);
        String[] prompts = {"Hello", "The cache keeps", "café brown fox", "a b c"};
        ExecutorService pool = Executors.newFixedThreadPool(prompts.length);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (String p : prompts) answers.add(pool.submit(() -> model.chat(ChatRequest.of(List.of(ChatMessage.user(p)), SAMPLED)).message().content()));
            for (int i = 0; i < prompts.length; i++) {
                assertEquals(fresh(List.of(ChatMessage.user(prompts[i])), SAMPLED), answers.get(i).get(60, TimeUnit.SECONDS), prompts[i]);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aJsonSchemaResponseFormatGivesValidJsonEvenFromRandomWeights() throws Exception {
        String schema = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\",\"maxLength\":8},\"age\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":120}},"
                + "\"required\":[\"name\",\"age\"],\"additionalProperties\":false}";
        LocalChatModel model = new LocalChatModel(m, "tiny", 1);
        GenerationOptions o = new GenerationOptions(80, 1f, 0, 1f, 0f, Penalties.NONE, 11, List.of(), true);
        for (ResponseFormat format : List.of(ResponseFormat.jsonSchema(schema), ResponseFormat.JSON_OBJECT)) {
            ChatResponse r = model.chat(ChatRequest.of(List.of(ChatMessage.user("Who?")), o).withResponseFormat(format));
            assertEquals("stop", r.finishReason(), r.message().content());
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.message().content());
            assertTrue(json.isObject(), r.message().content());
            if (format.kind() == ResponseFormat.Kind.JSON_SCHEMA) {
                assertTrue(json.get("name").isTextual() && json.get("name").asText().length() <= 8, r.message().content());
                int age = json.get("age").asInt(-1);
                assertTrue(json.get("age").isIntegralNumber() && age >= 0 && age <= 120, r.message().content());
                assertEquals(2, json.size(), r.message().content());
            }
        }
    }

    @Test
    void toolCallsAndToolsReachTheTemplateAsHuggingFaceShapesThem() {
        ChatTemplate t = new ChatTemplate("{% for m in messages %}{% if m.tool_calls %}{% for c in m.tool_calls %}{{ c.function.name }}{{ c.function.arguments | tojson }}"
                + "{% endfor %}{% else %}{{ m.role }}:{{ m.content }}{% endif %};{% endfor %}{% for t in tools %}[{{ t.function.name }}|{{ t.function.parameters.type }}]{% endfor %}");
        ChatRenderer r = new ChatRenderer(t, m.tokenizer());
        ToolCall call = new ToolCall("c1", "calc", "{\"expr\": \"1+2\"}");
        String out = r.render(List.of(ChatMessage.user("sum?"), ChatMessage.assistant("", List.of(call)), ChatMessage.tool(call, "3")),
                List.of(new ToolSpec("calc", "adds", "{\"type\":\"object\",\"properties\":{\"expr\":{\"type\":\"string\"}}}")), false);
        assertEquals("user:sum?;calc{\"expr\": \"1+2\"};tool:3;[calc|object]", out);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.render(List.of(ChatMessage.assistant("", List.of(new ToolCall("c2", "calc", "{oops")))), List.of(), false));
        assertTrue(e.getMessage().contains("arguments of tool call calc"), e.getMessage());
    }
}
