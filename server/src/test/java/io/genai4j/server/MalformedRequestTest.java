package io.genai4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every malformed request gets a 4xx in OpenAI's error shape whose message names what is wrong,
 * no stack trace leaks, and the server keeps answering good requests after each.
 */
class MalformedRequestTest {
    static TinyServer s;
    static final String OK_MESSAGES = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    @BeforeAll
    static void start() {
        s = TinyServer.of(new ScriptedChatModel("fine", List.of()),
                ServerSettings.local(0, 1).withLimits(new Limits(64 * 1024, 100, 4, Duration.ofSeconds(30))));
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static void refused(int status, String body, String param, String... inMessage) {
        TinyServer.Reply r = s.post("/v1/chat/completions", body);
        assertError(r, status, param, inMessage);
        assertEquals(200, s.post("/v1/chat/completions", "{\"model\":\"scripted\"," + OK_MESSAGES + "}").status(), "the server still serves");
    }

    static void assertError(TinyServer.Reply r, int status, String param, String... inMessage) {
        assertEquals(status, r.status(), r.text());
        JsonNode err = r.json().get("error");
        String message = err.get("message").asText();
        for (String m : inMessage) assertTrue(message.contains(m), "\"" + message + "\" should say " + m);
        assertTrue(err.has("type") && err.has("code"), r.text());
        if (param != null) assertEquals(param, err.get("param").asText());
        assertFalse(r.text().contains("at io.genai4j") || r.text().contains("Exception"), "no stack trace: " + r.text());
    }

    @Test
    void badJson() {
        refused(400, "{\"model\":\"scripted\",", null, "not valid JSON", "line 1");
        refused(400, "", null, "empty");
        refused(400, "[1,2]", null, "must be a JSON object");
    }

    @Test
    void wrongTypes() {
        refused(400, "{\"model\":\"scripted\",\"temperature\":\"hot\"," + OK_MESSAGES + "}", "temperature", "temperature must be a number", "\"hot\"");
        refused(400, "{\"model\":\"scripted\",\"messages\":\"hi\"}", "messages", "messages must be an array");
        refused(400, "{\"model\":\"scripted\",\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}", "messages[0].role", "robot");
        refused(400, "{\"model\":\"scripted\",\"stream\":\"yes\"," + OK_MESSAGES + "}", "stream", "true or false");
        refused(400, "{\"model\":\"scripted\",\"n\":2.5," + OK_MESSAGES + "}", "n", "integer");
        refused(400, "{\"messages\":[]}", "model", "model is required");
        refused(400, "{\"model\":\"scripted\",\"messages\":[]}", "messages", "non-empty");
    }

    @Test
    void outOfRange() {
        refused(400, "{\"model\":\"scripted\",\"max_tokens\":-1," + OK_MESSAGES + "}", "max_tokens", "max_tokens must be in 0..", "-1");
        refused(400, "{\"model\":\"scripted\",\"max_tokens\":101," + OK_MESSAGES + "}", "max_tokens", "limit of 100");
        refused(400, "{\"model\":\"scripted\",\"temperature\":3," + OK_MESSAGES + "}", "temperature", "[0.0, 2.0]");
        refused(400, "{\"model\":\"scripted\",\"n\":5," + OK_MESSAGES + "}", "n", "1..4");
        refused(400, "{\"model\":\"scripted\",\"stop\":[\"a\",\"b\",\"c\",\"d\",\"e\"]," + OK_MESSAGES + "}", "stop", "at most 4");
        refused(400, "{\"model\":\"scripted\",\"logit_bias\":{\"50256\":-101}," + OK_MESSAGES + "}", "logit_bias", "logit_bias.50256", "-100..100");
        refused(400, "{\"model\":\"scripted\",\"logit_bias\":{\"word\":1}," + OK_MESSAGES + "}", "logit_bias", "logit_bias.word", "token id");
        refused(400, "{\"model\":\"scripted\",\"logit_bias\":[1]," + OK_MESSAGES + "}", "logit_bias", "object");
        refused(400, "{\"model\":\"scripted\",\"logprobs\":true,\"top_logprobs\":21," + OK_MESSAGES + "}", "top_logprobs", "0..20", "21");
        refused(400, "{\"model\":\"scripted\",\"top_logprobs\":2," + OK_MESSAGES + "}", "top_logprobs", "\"logprobs\": true");
    }

    @Test
    void unknownModel() {
        refused(404, "{\"model\":\"gpt-9\"," + OK_MESSAGES + "}", "model", "gpt-9", "does not exist");
        assertError(s.get("/v1/models/gpt-9"), 404, "model", "gpt-9");
    }

    @Test
    void invalidSchemasAndTools() {
        refused(400, "{\"model\":\"scripted\",\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"x\",\"schema\":{\"type\":\"strin\"}}},"
                + OK_MESSAGES + "}", "response_format.json_schema.schema.type", "strin");
        refused(400, "{\"model\":\"scripted\",\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"x\",\"schema\":[]}}," + OK_MESSAGES + "}",
                "response_format.json_schema.schema", "JSON Schema object");
        refused(400, "{\"model\":\"scripted\",\"response_format\":{\"type\":\"xml\"}," + OK_MESSAGES + "}", "response_format.type", "xml");
        String tool = "{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{\"type\":\"object\"}}}";
        refused(400, "{\"model\":\"scripted\",\"tools\":[" + tool + "," + tool + "]," + OK_MESSAGES + "}", "tools[1].function.name", "two tools are named \"f\"");
        refused(400, "{\"model\":\"scripted\",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"bad name!\"}}]," + OK_MESSAGES + "}",
                "tools[0].function.name", "bad name!");
        refused(400, "{\"model\":\"scripted\",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{\"properties\":3}}}]," + OK_MESSAGES + "}",
                "tools[0].function.parameters.properties", "must be an object");
        refused(400, "{\"model\":\"scripted\",\"tools\":[" + tool + "],\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"g\"}}," + OK_MESSAGES + "}",
                "tool_choice.function.name", "\"g\"");
    }

    @Test
    void hugeBodies() {
        String big = "{\"model\":\"scripted\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(100_000) + "\"}]}";
        refused(413, big, null, "limit of 65536 bytes");
    }

    @Test
    void unknownRoutesAndEndpointsWithoutTheirModel() {
        assertError(s.get("/v1/nothing"), 404, null, "/v1/nothing");
        assertError(s.post("/v1/embeddings", "{\"model\":\"minilm\",\"input\":\"x\"}"), 404, "model", "no embedding model");
        assertError(s.post("/v1/completions", "{\"model\":\"scripted\",\"prompt\":\"x\"}"), 501, null, "/v1/completions");
    }
}
