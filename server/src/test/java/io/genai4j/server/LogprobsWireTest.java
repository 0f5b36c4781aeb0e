package io.genai4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.TokenLogprob;
import io.genai4j.llm.chat.ChatListener;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatRequest;
import io.genai4j.llm.chat.LocalChatModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code logprobs} on the wire: chat's {@code choices[].logprobs.content[]} (token, logprob, bytes,
 * top_logprobs) whole and streamed, and the completions' legacy shape, each carrying the numbers
 * the engine reports for the same greedy generation (those are checked by hand in llm's LogprobsTest).
 */
class LogprobsWireTest {
    static TinyServer s;

    @BeforeAll
    static void start() {
        s = TinyServer.local(1);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    /** The engine's own log-probabilities for the chat request of {@link ChatCompletionsTest#request}. */
    static List<TokenLogprob> direct(int maxTokens, int top) {
        List<TokenLogprob> out = new ArrayList<>();
        new LocalChatModel(TinyServer.tinyModel(), "tiny", 1).chat(ChatRequest.of(List.of(ChatMessage.user("Hello there")), GenerationOptions.greedy(maxTokens)),
                new ChatListener() {
                    @Override
                    public int topLogprobs() {
                        return top;
                    }

                    @Override
                    public void onLogprob(TokenLogprob p) {
                        out.add(p);
                    }
                });
        return out;
    }

    private static void assertEntry(TokenLogprob expected, JsonNode e, int top) {
        byte[] piece = TinyServer.tinyModel().tokenizer().piece(expected.token(), false);
        String token = LogprobsJson.text(piece);
        assertEquals(token, e.get("token").asText());
        assertEquals(expected.logprob(), e.get("logprob").floatValue(), 1e-4);
        byte[] bytes = new byte[e.get("bytes").size()];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) e.get("bytes").get(i).asInt();
        assertEquals(new String(piece, StandardCharsets.UTF_8), new String(bytes, StandardCharsets.UTF_8));
        JsonNode alternatives = e.get("top_logprobs");
        assertEquals(top, alternatives.size());
        for (int i = 0; i < top; i++) assertEquals(expected.topLogprobs()[i], alternatives.get(i).get("logprob").floatValue(), 1e-4);
        // Greedy: the token taken is the most likely one.
        assertEquals(e.get("logprob").floatValue(), alternatives.get(0).get("logprob").floatValue(), 0f);
        assertEquals(token, alternatives.get(0).get("token").asText());
    }

    @Test
    void wholeAndStreamedChatAnswersCarryTheEnginesLogprobs() {
        List<TokenLogprob> expected = direct(10, 3);
        ObjectNode req = ChatCompletionsTest.request(10).put("logprobs", true).put("top_logprobs", 3);
        TinyServer.Reply r = s.post("/v1/chat/completions", req);
        assertEquals(200, r.status(), r.text());
        JsonNode choice = r.json().get("choices").get(0);
        JsonNode content = choice.get("logprobs").get("content");
        assertEquals(r.json().get("usage").get("completion_tokens").asInt(), content.size(), "one entry per generated token");
        assertEquals(expected.size(), content.size());
        for (int i = 0; i < content.size(); i++) assertEntry(expected.get(i), content.get(i), 3);

        TinyServer.Reply streamed = s.post("/v1/chat/completions", req.deepCopy().put("stream", true));
        List<JsonNode> entries = new ArrayList<>();
        for (String ev : TinyServer.events(streamed.text())) {
            if (ev.equals("[DONE]")) continue;
            JsonNode lp = readTree(ev).get("choices").get(0).get("logprobs");
            if (lp != null && !lp.isNull()) lp.get("content").forEach(entries::add);
        }
        assertEquals(content.size(), entries.size(), streamed.text());
        for (int i = 0; i < entries.size(); i++) assertSameEntry(content.get(i), entries.get(i), "streamed entry " + i);
    }

    /**
     * The same tokens and bytes, log-probabilities within 1e-5: the two answers run the same model
     * twice, and a JIT tier compiled in between may sum a softmax's lanes in another order.
     */
    private static void assertSameEntry(JsonNode whole, JsonNode streamed, String what) {
        assertEquals(whole.get("token"), streamed.get("token"), what);
        assertEquals(whole.get("bytes"), streamed.get("bytes"), what);
        assertEquals(whole.get("logprob").doubleValue(), streamed.get("logprob").doubleValue(), 1e-5, what);
        JsonNode a = whole.get("top_logprobs"), b = streamed.get("top_logprobs");
        assertEquals(a.size(), b.size(), what);
        for (int j = 0; j < a.size(); j++) {
            assertEquals(a.get(j).get("token"), b.get(j).get("token"), what + ", alternative " + j);
            assertEquals(a.get(j).get("logprob").doubleValue(), b.get(j).get("logprob").doubleValue(), 1e-5, what + ", alternative " + j);
        }
    }

    @Test
    void withoutLogprobsTheFieldIsNull() {
        TinyServer.Reply r = s.post("/v1/chat/completions", ChatCompletionsTest.request(4));
        assertTrue(r.json().get("choices").get(0).get("logprobs").isNull());
    }

    @Test
    void textCompletionsUseTheLegacyShape() {
        ObjectNode b = TinyServer.JSON.createObjectNode().put("model", "tiny").put("prompt", "Once upon").put("max_tokens", 6).put("temperature", 0).put("logprobs", 2);
        TinyServer.Reply r = s.post("/v1/completions", b);
        assertEquals(200, r.status(), r.text());
        JsonNode choice = r.json().get("choices").get(0);
        JsonNode lp = choice.get("logprobs");
        int n = r.json().get("usage").get("completion_tokens").asInt();
        assertEquals(n, lp.get("tokens").size());
        assertEquals(n, lp.get("token_logprobs").size());
        assertEquals(n, lp.get("top_logprobs").size());
        int offset = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(offset, lp.get("text_offset").get(i).asInt());
            String token = lp.get("tokens").get(i).asText();
            offset += token.length();
            JsonNode top = lp.get("top_logprobs").get(i);
            assertTrue(top.size() >= 1 && top.size() <= 2, r.text());
            double best = Double.NEGATIVE_INFINITY;
            for (JsonNode v : top) best = Math.max(best, v.asDouble());
            assertEquals(best, lp.get("token_logprobs").get(i).asDouble(), 0, "greedy takes the most likely token: " + r.text());
            assertEquals(best, top.get(token).asDouble(), 0);
        }
        assertTrue(choice.get("text").asText().length() > 0);
    }

    private static JsonNode readTree(String s) {
        try {
            return TinyServer.JSON.readTree(s);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
