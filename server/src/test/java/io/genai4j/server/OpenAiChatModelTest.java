package io.genai4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.chat.ChatListener;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatRequest;
import io.genai4j.llm.chat.ChatResponse;
import io.genai4j.llm.chat.ResponseFormat;
import io.genai4j.llm.chat.ToolSpec;
import io.genai4j.llm.remote.OpenAiChatModel;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The remote ChatModel against the server: the same answer as the local model, streamed to the
 * listener; tools, tool_choice and response_format survive the round trip; tool-call deltas are
 * reassembled; cancelling stops the server's generation; refusals are one line.
 */
class OpenAiChatModelTest {
    static final ChatRequest HELLO = ChatRequest.of(List.of(ChatMessage.user("Hello there")), GenerationOptions.greedy(12));

    @Test
    void answersAsTheLocalModelDoes() {
        try (TinyServer s = TinyServer.local(1)) {
            OpenAiChatModel remote = new OpenAiChatModel(s.base() + "/v1", "tiny", null, Duration.ofSeconds(60));
            StringBuilder streamed = new StringBuilder();
            ChatResponse r = remote.chat(HELLO, new ChatListener() {
                @Override
                public void onText(String text) {
                    streamed.append(text);
                }
            });
            assertEquals(ChatCompletionsTest.direct(12), r.message().content());
            assertEquals(r.message().content(), streamed.toString());
            assertTrue(r.usage().promptTokens() > 0 && r.usage().completionTokens() > 0);
            assertTrue(List.of("stop", "length").contains(r.finishReason()));
        }
    }

    @Test
    void toolsGoAndToolCallsComeBack() {
        ScriptedChatModel scripted = new ScriptedChatModel("thinking", ToolCallWireTest.CALLS);
        try (TinyServer s = TinyServer.of(scripted, ServerSettings.local(0, 1))) {
            OpenAiChatModel remote = new OpenAiChatModel(s.base() + "/v1/", "scripted", null, Duration.ofSeconds(60));
            ToolSpec weather = new ToolSpec("get_weather", "Weather", "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}");
            ChatRequest req = HELLO.withTools(List.of(weather, new ToolSpec("get_time", "", null)), "get_weather")
                    .withResponseFormat(ResponseFormat.jsonSchema("{\"type\":\"object\"}")).withParallelToolCalls(false)
                    .withMessages(List.of(ChatMessage.user("hi"), ChatMessage.assistant("", List.of(ToolCallWireTest.CALLS.get(0))),
                            ChatMessage.tool(ToolCallWireTest.CALLS.get(0), "sunny")));
            List<String> pieces = new ArrayList<>();
            ChatResponse r = remote.chat(req, new ChatListener() {
                @Override
                public void onToolCall(int index, String id, String name, String args) {
                    pieces.add(index + ":" + id + ":" + name + ":" + args);
                }
            });
            assertEquals(ToolCallWireTest.CALLS, r.message().toolCalls());
            assertEquals("thinking", r.message().content());
            assertEquals("tool_calls", r.finishReason());
            assertEquals("0:call_1:get_weather:", pieces.getFirst());
            ChatRequest seen = scripted.requests.getLast();
            assertEquals(req.messages(), seen.messages());
            assertEquals(req.tools(), seen.tools());
            assertEquals("get_weather", seen.toolChoice());
            assertEquals(false, seen.parallelToolCalls());
            assertEquals(req.responseFormat(), seen.responseFormat());
            assertEquals(req.options().maxTokens(), seen.options().maxTokens());
            assertEquals(req.options().seed(), seen.options().seed());
        }
    }

    @Test
    void cancellingStopsTheServersGeneration() throws Exception {
        SlowChatModel slow = new SlowChatModel(100_000, 5, false);
        try (TinyServer s = TinyServer.of(slow, ServerSettings.local(0, 1))) {
            OpenAiChatModel remote = new OpenAiChatModel(s.base() + "/v1", "slow", null, Duration.ofSeconds(60));
            int[] seen = {0};
            ChatResponse r = remote.chat(HELLO.withOptions(GenerationOptions.greedy(2000)), new ChatListener() {
                @Override
                public void onText(String text) {
                    seen[0]++;
                }

                @Override
                public boolean cancelled() {
                    return seen[0] >= 3;
                }
            });
            assertEquals("cancelled", r.finishReason());
            long t0 = System.nanoTime();
            while (slow.cancelledAt.get() < 0) {
                assertTrue(System.nanoTime() - t0 < 10e9, "the server kept generating");
                Thread.sleep(5);
            }
        }
    }

    @Test
    void refusalsAreOneLine() {
        try (TinyServer s = TinyServer.of(new ScriptedChatModel("x", List.of()), ServerSettings.local(0, 1).withApiKey("k"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new OpenAiChatModel(s.base() + "/v1", "scripted", "wrong", Duration.ofSeconds(10)).chat(HELLO));
            assertEquals(s.base() + "/v1/chat/completions answered 401: the API key is not valid", e.getMessage());
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> new OpenAiChatModel(s.base() + "/v1", "gpt-9", "k", Duration.ofSeconds(10)).chat(HELLO));
            assertTrue(unknown.getMessage().contains("404") && unknown.getMessage().contains("gpt-9"), unknown.getMessage());
            assertEquals("x", new OpenAiChatModel(s.base() + "/v1", "scripted", "k", Duration.ofSeconds(10)).chat(HELLO).message().content());
        }
        UncheckedIOException down = assertThrows(UncheckedIOException.class,
                () -> new OpenAiChatModel("http://127.0.0.1:9/v1", "m", null, Duration.ofSeconds(5)).chat(HELLO));
        assertTrue(down.getCause().getMessage().startsWith("cannot reach http://127.0.0.1:9/v1/chat/completions"), down.getCause().getMessage());
        assertThrows(IllegalArgumentException.class, () -> new OpenAiChatModel("ftp://x", "m", null, Duration.ofSeconds(5)));
    }
}
