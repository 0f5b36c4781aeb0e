package io.genai4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.llm.chat.ChatRequest;
import io.genai4j.llm.chat.ResponseFormat;
import io.genai4j.llm.chat.ToolCall;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tools on the wire: the request's tools, tool_choice, response_format and tool-call history reach
 * the model as a ChatRequest, and the model's tool calls come back as message.tool_calls or as
 * streamed tool_calls deltas (index, id, name, then argument fragments) with finish_reason tool_calls.
 */
class ToolCallWireTest {
    static final String TOOLS = """
            "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather in a city",
              "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}},
             {"type":"function","function":{"name":"get_time","parameters":{"type":"object","properties":{}}}}]""";
    static final List<ToolCall> CALLS = List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"),
            new ToolCall("call_2", "get_time", "{}"));

    @Test
    void theRequestReachesTheModelAsAChatRequest() {
        ScriptedChatModel model = new ScriptedChatModel("ok", List.of());
        try (TinyServer s = TinyServer.of(model, ServerSettings.local(0, 1))) {
            String body = """
                    {"model":"scripted","temperature":0.5,"top_p":0.9,"max_completion_tokens":7,"seed":3,"stop":"END",
                     "presence_penalty":0.5,"frequency_penalty":0.25,"parallel_tool_calls":false,"tool_choice":{"type":"function","function":{"name":"get_time"}},
                     "response_format":{"type":"json_schema","json_schema":{"name":"w","schema":{"type":"object","properties":{"a":{"type":"integer"}}}}},
                     "messages":[{"role":"developer","content":"Be brief."},{"role":"user","content":[{"type":"text","text":"Weather "},{"type":"text","text":"in Paris?"}]},
                       {"role":"assistant","content":null,"tool_calls":[{"id":"call_9","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                       {"role":"tool","tool_call_id":"call_9","content":"sunny"}],
                    """ + TOOLS + "}";
            assertEquals(200, s.post("/v1/chat/completions", body).status());
            ChatRequest r = model.requests.getFirst();
            assertEquals("system", r.messages().get(0).role());
            assertEquals("Weather in Paris?", r.messages().get(1).content());
            assertEquals(new ToolCall("call_9", "get_weather", "{\"city\":\"Paris\"}"), r.messages().get(2).toolCalls().getFirst());
            assertEquals("call_9", r.messages().get(3).toolCallId());
            assertEquals(List.of("get_weather", "get_time"), r.tools().stream().map(t -> t.name()).toList());
            assertEquals("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}", r.tools().getFirst().parametersSchema());
            assertEquals("get_time", r.toolChoice());
            assertFalse(r.parallelToolCalls());
            assertEquals(ResponseFormat.Kind.JSON_SCHEMA, r.responseFormat().kind());
            assertEquals("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}}}", r.responseFormat().schema());
            var o = r.options();
            assertEquals(0.5f, o.temperature());
            assertEquals(0.9f, o.topP());
            assertEquals(7, o.maxTokens());
            assertEquals(3, o.seed());
            assertEquals(List.of("END"), o.stop());
            assertEquals(0.5f, o.penalties().presence());
            assertEquals(0.25f, o.penalties().frequency());
        }
    }

    @Test
    void toolCallsComeBackWhole() {
        ScriptedChatModel model = new ScriptedChatModel("", CALLS);
        try (TinyServer s = TinyServer.of(model, ServerSettings.local(0, 1))) {
            JsonNode j = s.post("/v1/chat/completions", "{\"model\":\"scripted\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]," + TOOLS + "}").json();
            assertTrue(model.requests.getFirst().parallelToolCalls(), "parallel_tool_calls defaults to true, as OpenAI's");
            JsonNode choice = j.get("choices").get(0);
            assertEquals("tool_calls", choice.get("finish_reason").asText());
            JsonNode msg = choice.get("message");
            assertTrue(msg.get("content").isNull(), "content is null when the answer is only tool calls");
            JsonNode calls = msg.get("tool_calls");
            assertEquals(2, calls.size());
            assertEquals("call_1", calls.get(0).get("id").asText());
            assertEquals("function", calls.get(0).get("type").asText());
            assertEquals("get_weather", calls.get(0).get("function").get("name").asText());
            assertEquals("{\"city\":\"Paris\"}", calls.get(0).get("function").get("arguments").asText());
        }
    }

    @Test
    void toolCallsStreamAsDeltas() throws Exception {
        try (TinyServer s = TinyServer.of(new ScriptedChatModel("", CALLS), ServerSettings.local(0, 1))) {
            String body = "{\"model\":\"scripted\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]," + TOOLS + "}";
            List<String> events = TinyServer.events(s.post("/v1/chat/completions", body).text());
            assertEquals("[DONE]", events.getLast());
            String[] args = new String[2];
            String[] names = new String[2];
            String finish = null;
            for (String e : events.subList(0, events.size() - 1)) {
                JsonNode choice = TinyServer.JSON.readTree(e).get("choices").get(0);
                if (!choice.get("finish_reason").isNull()) finish = choice.get("finish_reason").asText();
                JsonNode calls = choice.get("delta").get("tool_calls");
                if (calls == null) continue;
                JsonNode c = calls.get(0);
                int i = c.get("index").asInt();
                if (c.has("id")) {
                    assertEquals(CALLS.get(i).id(), c.get("id").asText());
                    assertEquals("function", c.get("type").asText());
                    names[i] = c.get("function").get("name").asText();
                    args[i] = "";
                } else {
                    assertTrue(!c.get("function").has("name"), "only the first piece names the function");
                }
                args[i] += c.get("function").get("arguments").asText();
            }
            assertEquals("tool_calls", finish);
            for (int i = 0; i < 2; i++) {
                assertEquals(CALLS.get(i).name(), names[i]);
                assertEquals(CALLS.get(i).arguments(), args[i]);
            }
        }
    }
}
