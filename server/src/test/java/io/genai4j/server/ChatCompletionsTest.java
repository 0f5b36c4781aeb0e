package io.genai4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatRequest;
import io.genai4j.llm.chat.LocalChatModel;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Chat Completions contract on the local engine: the answer is the model's own answer to the
 * same conversation, whole or streamed (role in the first delta, one id/created/model, the finish
 * reason only on the last chunk, usage chunk on request, [DONE] last), with n choices and stop.
 */
class ChatCompletionsTest {
    static TinyServer s;

    @BeforeAll
    static void start() {
        s = TinyServer.local(2);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static ObjectNode request(int maxTokens) {
        ObjectNode b = TinyServer.JSON.createObjectNode();
        b.put("model", "tiny").put("temperature", 0).put("max_tokens", maxTokens);
        b.putArray("messages").addObject().put("role", "user").put("content", "Hello there");
        return b;
    }

    static String direct(int maxTokens) {
        return new LocalChatModel(TinyServer.tinyModel(), "tiny", 1)
                .chat(ChatRequest.of(List.of(ChatMessage.user("Hello there")), GenerationOptions.greedy(maxTokens))).message().content();
    }

    @Test
    void aWholeAnswerIsTheModelsAnswerWithUsage() {
        TinyServer.Reply r = s.post("/v1/chat/completions", request(12));
        assertEquals(200, r.status(), r.text());
        JsonNode j = r.json();
        assertEquals("chat.completion", j.get("object").asText());
        assertEquals("tiny", j.get("model").asText());
        assertTrue(j.get("id").asText().startsWith("chatcmpl-"));
        JsonNode choice = j.get("choices").get(0);
        assertEquals("assistant", choice.get("message").get("role").asText());
        assertEquals(direct(12), choice.get("message").get("content").asText());
        assertTrue(List.of("stop", "length").contains(choice.get("finish_reason").asText()));
        JsonNode u = j.get("usage");
        assertTrue(u.get("prompt_tokens").asInt() > 0);
        assertTrue(u.get("completion_tokens").asInt() > 0 && u.get("completion_tokens").asInt() <= 12);
        assertEquals(u.get("prompt_tokens").asInt() + u.get("completion_tokens").asInt(), u.get("total_tokens").asInt());
    }

    @Test
    void aStreamFollowsTheChunkContract() throws Exception {
        ObjectNode b = request(12).put("stream", true);
        b.putObject("stream_options").put("include_usage", true);
        TinyServer.Reply r = s.post("/v1/chat/completions", b);
        assertEquals(200, r.status(), r.text());
        assertTrue(r.raw().headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<String> events = TinyServer.events(r.text());
        assertEquals("[DONE]", events.getLast());
        List<JsonNode> chunks = new java.util.ArrayList<>();
        for (String e : events.subList(0, events.size() - 1)) chunks.add(TinyServer.JSON.readTree(e));
        JsonNode first = chunks.getFirst();
        StringBuilder text = new StringBuilder();
        int finishes = 0;
        for (int i = 0; i < chunks.size(); i++) {
            JsonNode c = chunks.get(i);
            assertEquals("chat.completion.chunk", c.get("object").asText());
            assertEquals(first.get("id"), c.get("id"));
            assertEquals(first.get("created"), c.get("created"));
            assertEquals("tiny", c.get("model").asText());
            if (i == chunks.size() - 1) {
                assertEquals(0, c.get("choices").size(), "the usage chunk has no choices");
                assertEquals(12 >= c.get("usage").get("completion_tokens").asInt(), true);
                continue;
            }
            JsonNode choice = c.get("choices").get(0);
            JsonNode delta = choice.get("delta");
            assertEquals(i == 0, delta.has("role"), "role only in the first delta");
            if (delta.has("content")) text.append(delta.get("content").asText());
            if (!choice.get("finish_reason").isNull()) {
                finishes++;
                assertEquals(chunks.size() - 2, i, "the finish reason comes on the last choice chunk");
            }
        }
        assertEquals(1, finishes);
        assertEquals(direct(12), text.toString());
        JsonNode whole = s.post("/v1/chat/completions", request(12)).json();
        assertEquals(whole.get("usage"), chunks.getLast().get("usage"));
    }

    @Test
    void nChoicesAreAnsweredEachWithItsIndex() {
        ObjectNode b = request(5).put("n", 3).put("temperature", 1.0).put("seed", 11);
        JsonNode j = s.post("/v1/chat/completions", b).json();
        assertEquals(3, j.get("choices").size());
        for (int i = 0; i < 3; i++) assertEquals(i, j.get("choices").get(i).get("index").asInt());
        // the same seed gives the same choices again: sampling is reproducible
        assertEquals(j.get("choices"), s.post("/v1/chat/completions", b).json().get("choices"));
    }

    @Test
    void aStopStringEndsTheAnswerBeforeIt() {
        String answer = direct(12);
        assertTrue(answer.length() > 3, answer);
        String stop = answer.substring(2, 4);
        ObjectNode b = request(12);
        b.putArray("stop").add(stop);
        JsonNode choice = s.post("/v1/chat/completions", b).json().get("choices").get(0);
        assertEquals(answer.substring(0, answer.indexOf(stop)), choice.get("message").get("content").asText());
        assertEquals("stop", choice.get("finish_reason").asText());
    }

    @Test
    void unknownFieldsAreIgnored() {
        ObjectNode b = request(3).put("user", "someone").put("store", false);
        b.putObject("metadata").put("x", "y");
        b.putObject("future_feature").put("on", true);
        assertEquals(200, s.post("/v1/chat/completions", b).status());
    }

    @Test
    void modelsHealthAndMetricsAnswer() {
        JsonNode models = s.get("/v1/models").json();
        assertEquals("tiny", models.get("data").get(0).get("id").asText());
        assertEquals(200, s.get("/v1/models/tiny").status());
        assertEquals(404, s.get("/v1/models/other").status());
        assertEquals("ok", s.get("/health").json().get("status").asText());
        s.post("/v1/chat/completions", request(2));
        String metrics = s.get("/metrics").text();
        for (String name : List.of("genai_requests_total{endpoint=\"/v1/chat/completions\",status=\"200\"}", "genai_prompt_tokens_total",
                "genai_completion_tokens_total", "genai_queue_depth", "genai_sessions_busy", "genai_time_to_first_token_seconds_bucket",
                "genai_generation_tokens_per_second_count")) {
            assertTrue(metrics.contains(name), name + " missing from\n" + metrics);
        }
    }

    @Test
    void tokenizeDetokenizeAndApplyTemplateAgreeWithTheModel() {
        var tok = TinyServer.tinyModel().tokenizer();
        JsonNode ids = s.post("/tokenize", "{\"content\":\"Hello there\"}").json().get("tokens");
        int[] expected = tok.encode("Hello there", false, true);
        assertEquals(expected.length, ids.size());
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], ids.get(i).asInt());
        assertEquals("Hello there", s.post("/detokenize", "{\"tokens\":" + ids + "}").json().get("content").asText());
        JsonNode pieces = s.post("/tokenize", "{\"content\":\"Hello\",\"with_pieces\":true}").json().get("tokens");
        assertNotNull(pieces.get(0).get("piece"));
        String prompt = s.post("/apply-template", "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}").json().get("prompt").asText();
        LocalChatModel local = new LocalChatModel(TinyServer.tinyModel(), "tiny", 1);
        assertEquals(local.renderer().render(List.of(ChatMessage.user("Hi")), List.of(), true), prompt);
        assertEquals(400, s.post("/detokenize", "{\"tokens\":[-1]}").status());
    }

    @Test
    void textCompletionsContinueTheRawPrompt() throws Exception {
        var m = TinyServer.tinyModel();
        int[] ids = m.tokenizer().encode("Once upon", true, true);
        String expected = new io.genai4j.llm.Generator(m).generate(ids, GenerationOptions.greedy(6), null).text();
        JsonNode j = s.post("/v1/completions", "{\"model\":\"tiny\",\"prompt\":\"Once upon\",\"max_tokens\":6,\"temperature\":0}").json();
        assertEquals("text_completion", j.get("object").asText());
        assertEquals(expected, j.get("choices").get(0).get("text").asText());
        assertEquals(ids.length, j.get("usage").get("prompt_tokens").asInt());
        JsonNode echo = s.post("/v1/completions", "{\"model\":\"tiny\",\"prompt\":[\"Once upon\",\"Once upon\"],\"max_tokens\":6,\"temperature\":0,\"echo\":true}").json();
        assertEquals(2, echo.get("choices").size());
        assertEquals("Once upon" + expected, echo.get("choices").get(1).get("text").asText());
        TinyServer.Reply streamed = s.post("/v1/completions", "{\"model\":\"tiny\",\"prompt\":\"Once upon\",\"max_tokens\":6,\"temperature\":0,\"stream\":true}");
        StringBuilder text = new StringBuilder();
        List<String> events = TinyServer.events(streamed.text());
        assertEquals("[DONE]", events.getLast());
        for (String e : events.subList(0, events.size() - 1)) text.append(TinyServer.JSON.readTree(e).get("choices").get(0).get("text").asText());
        assertEquals(expected, text.toString());
        assertFalse(TinyServer.JSON.readTree(events.get(events.size() - 2)).get("choices").get(0).get("finish_reason").isNull());
    }

}
