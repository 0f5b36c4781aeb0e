package io.genai4j.server.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.llm.chat.ChatModel;
import io.genai4j.llm.chat.LocalChatModel;
import io.genai4j.server.Backend;
import io.genai4j.server.Json;
import io.genai4j.server.OpenAiServer;
import io.genai4j.server.ServerSettings;
import io.genai4j.server.TinyServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/** The chat page in headless Chromium, against a real server on loopback. */
class ChatPageTest {
    private final List<Throwable> bugs = new CopyOnWriteArrayList<>();
    private OpenAiServer server;

    private String serve(ChatModel model, ServerSettings settings) {
        server = new OpenAiServer(settings, bugs::add).start();
        server.ready(new Backend(model, null));
        return "http://127.0.0.1:" + server.port() + "/";
    }

    /** The chat page on a server of this model, once its picker shows the model. */
    private StudioBrowser chatWith(ChatModel model, ServerSettings settings) {
        StudioBrowser b = StudioBrowser.get();
        b.open(serve(model, settings));
        b.await("the model picker", () -> b.find("#model").getDomProperty("value").equals(model.name()));
        return b;
    }

    @AfterEach
    void stopServer() {
        if (server != null) server.shutdown(Duration.ofSeconds(10));
        assertEquals(List.of(), bugs, "server bugs");
    }

    @Test
    void tokensFromTheEngineStreamIntoTheConversation() {
        StudioBrowser b = chatWith(new LocalChatModel(TinyServer.tinyModel(), "tiny", 1), ServerSettings.local(0, 1));
        // each time the answer's text is redrawn in place counts: a stream drawn piece by piece makes
        // about one per token, an answer drawn whole none (render() builds new elements instead)
        b.js("window.updates = 0; new MutationObserver(records => window.updates += records.filter(r => r.target.classList"
                + " && r.target.classList.contains('content') && r.target.parentElement.classList.contains('msg-assistant')).length)"
                + ".observe(document.getElementById('messages'), {subtree: true, childList: true, characterData: true});");
        b.find("#max-tokens").clear();
        b.find("#max-tokens").sendKeys("24");
        b.find("#prompt").sendKeys("Hello", Keys.ENTER);
        b.await("the answer to finish", () -> b.find("#chat-status").getText().startsWith("Done:"));
        assertEquals(1, b.all(".msg-user").size());
        assertEquals("Hello", b.find(".msg-user .content").getText());
        assertFalse(b.find(".msg-assistant .content").getDomProperty("textContent").isEmpty(), "the assistant said something");
        String status = b.find("#chat-status").getText();
        int tokens = Integer.parseInt(status.replaceAll("^Done: (\\d+) tokens.*", "$1"));
        assertTrue(tokens >= 1 && tokens <= 24, "max_tokens reached the server: " + status);
        int updates = ((Number) b.js("return window.updates")).intValue();
        // a token may end inside a character (its text waits for the next), so not quite one per token
        assertTrue(updates >= Math.min(tokens, 2) && updates >= tokens / 2, "the answer arrived in pieces: " + updates + " redraws for " + tokens + " tokens");

        // Shift+Enter is a new line in the message, not a send
        b.find("#prompt").sendKeys("one", Keys.chord(Keys.SHIFT, Keys.ENTER), "two");
        assertEquals("one\ntwo", b.find("#prompt").getDomProperty("value"));
        assertEquals(1, b.all(".msg-user").size());
        b.screenshots("chat");
        b.assertNoConsoleErrors();
    }

    @Test
    void escapeStopsAndRegenerateAsksAgain() {
        ScriptedStudioModel model = new ScriptedStudioModel(400, 20);
        StudioBrowser b = chatWith(model, ServerSettings.local(0, 1));
        b.find("#system").sendKeys("Be brief.");
        b.find("#prompt").sendKeys("Count", Keys.ENTER);
        b.await("a few words", () -> b.find(".msg-assistant .content").getText().contains("word3"));
        assertTrue(b.find("#stop").isEnabled());
        b.find("#prompt").sendKeys(Keys.ESCAPE);
        b.await("the stop", () -> b.find("#chat-status").getText().equals("Stopped."));
        String partial = b.find(".msg-assistant .content").getText();
        assertFalse(partial.contains("word399"), "stopped before the end");
        assertFalse(b.find("#stop").isEnabled());
        JsonNode first = Json.MAPPER.valueToTree(model.requests.getFirst().messages().stream().map(m -> m.role() + ":" + m.content()).toList());
        assertEquals("[\"system:Be brief.\",\"user:Count\"]", first.toString(), "the system prompt went first");

        b.find("#regenerate").click();
        b.await("the second answer to start", () -> model.requests.size() == 2);
        b.await("a few words again", () -> b.find(".msg-assistant .content").getText().contains("word2"));
        b.find("#stop").click();
        b.await("the second stop", () -> b.find("#chat-status").getText().equals("Stopped."));
        assertEquals(1, b.all(".msg-assistant").size(), "regenerate replaced the answer");
        assertEquals(2, model.requests.get(1).messages().size(), "the stopped answer was not sent back");
        b.assertNoConsoleErrors();
    }

    @Test
    void toolCallsRunInTheStudioAndShowTheirTrace() {
        ScriptedStudioModel model = new ScriptedStudioModel(3, 0);
        StudioBrowser b = chatWith(model, ServerSettings.local(0, 1));
        b.find("#use-tools").click();
        b.find("#prompt").sendKeys("What is 6 times 7?", Keys.ENTER);
        b.await("the final answer", () -> b.find("#chat-status").getText().startsWith("Done:"));
        assertEquals("→ calculator({\"expression\":\"6*7\"})", b.find(".msg-assistant .trace").getText());
        assertEquals("42", b.find(".msg-tool .content").getText());
        assertEquals("The answer is 42.", b.all(".msg-assistant .content").getLast().getText());
        assertEquals(List.of("calculator", "current_time"), model.requests.getFirst().tools().stream().map(t -> t.name()).toList());
        b.screenshots("chat-tools");
        b.assertNoConsoleErrors();
    }

    @Test
    void schemaOutputAndExport() throws Exception {
        ScriptedStudioModel model = new ScriptedStudioModel(3, 0);
        StudioBrowser b = chatWith(model, ServerSettings.local(0, 1));
        b.find("#use-schema").click();
        b.find("#schema").clear();
        b.find("#schema").sendKeys("{\"type\":\"object\",");
        b.find("#prompt").sendKeys("Hi", Keys.ENTER);
        b.await("the schema error", () -> b.find("#schema-error").isDisplayed());
        assertTrue(b.find("#schema-error").getText().startsWith("The JSON schema does not parse"));
        assertTrue(model.requests.isEmpty(), "nothing was sent with a broken schema");

        b.find("#schema").clear();
        b.find("#schema").sendKeys("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}},\"required\":[\"n\"]}");
        b.find("#regenerate").click();
        b.await("the answer", () -> b.find("#chat-status").getText().startsWith("Done:"));
        assertEquals("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}},\"required\":[\"n\"]}",
                model.requests.getFirst().responseFormat().schema(), "the schema reached the model");

        // the download's Blob, caught on its way to the link
        b.js("window.exported = null; const make = URL.createObjectURL; URL.createObjectURL = blob => { window.exported = blob; return make(blob); };");
        b.find("#export").click();
        String text = (String) b.asyncJs("const done = arguments[0]; window.exported.text().then(done);");
        JsonNode exported = Json.parse(text.getBytes(StandardCharsets.UTF_8));
        assertEquals("scripted", exported.get("model").textValue());
        assertEquals("[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"word0 word1 word2 \"}]", exported.get("messages").toString());
        b.assertNoConsoleErrors();
    }

    @Test
    void thePageAsksForTheApiKeyAndSendsIt() {
        ScriptedStudioModel model = new ScriptedStudioModel(3, 0);
        StudioBrowser b = StudioBrowser.get();
        b.open(serve(model, ServerSettings.local(0, 1).withApiKey("s3cret")));
        b.js("sessionStorage.clear(); location.reload();");
        b.await("the key dialog", () -> b.find("#key-dialog").isDisplayed());
        b.find("#key-input").sendKeys("s3cret", Keys.ENTER);
        b.await("the model picker", () -> b.find("#model").getDomProperty("value").equals("scripted"));
        b.find("#prompt").sendKeys("Hi", Keys.ENTER);
        b.await("the answer", () -> b.find("#chat-status").getText().startsWith("Done:"));
        assertEquals("word0 word1 word2 ", b.find(".msg-assistant .content").getDomProperty("textContent"));
        b.js("sessionStorage.clear();");
        b.assertNoConsoleErrors();
    }
}
