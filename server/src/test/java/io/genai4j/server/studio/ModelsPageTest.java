package io.genai4j.server.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.llm.chat.LocalChatModel;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.server.Backend;
import io.genai4j.server.OpenAiServer;
import io.genai4j.server.ServerSettings;
import io.genai4j.server.TinyServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The models page in headless Chromium: the loaded model's metadata and the tokenizer playground. */
class ModelsPageTest {
    private final List<Throwable> bugs = new CopyOnWriteArrayList<>();
    private OpenAiServer server;

    @AfterEach
    void stop() {
        server.shutdown(Duration.ZERO);
        assertEquals(List.of(), bugs, "server bugs");
    }

    @Test
    void metadataAndTokensOfTheLoadedModel() {
        LoadedModel tiny = TinyServer.tinyModel();
        server = new OpenAiServer(ServerSettings.local(0, 1), bugs::add).start();
        server.ready(new Backend(new LocalChatModel(tiny, "tiny", 1), null));
        StudioBrowser b = StudioBrowser.get();
        b.open("http://127.0.0.1:" + server.port() + "/#models");
        b.await("the metadata", () -> !b.all("#loaded-table tr").isEmpty());
        String meta = b.find("#loaded-table").getText();
        assertTrue(meta.contains("tiny") && meta.contains(tiny.description()) && meta.contains("layers"), meta);
        assertTrue(!b.all("#cached-table").isEmpty() || b.find("#cached").getText().startsWith("Nothing yet"), b.find("#cached").getText());

        String text = "Hello world, hello tokens.";
        b.find("#tokenizer-text").clear();
        b.find("#tokenizer-text").sendKeys(text);
        b.find("#tokenize").click();
        int[] expected = tiny.tokenizer().encode(text, false, true);
        b.await("the tokens of the new text", () -> b.find("#tokenizer-status").getText().startsWith(expected.length + " tokens for " + text.length()));
        List<WebElement> chips = b.all("#tokens .token");
        int[] shown = chips.stream().mapToInt(c -> Integer.parseInt(c.findElement(By.cssSelector(".id")).getText())).toArray();
        assertEquals(Arrays.toString(expected), Arrays.toString(shown), "the page shows the tokenizer's ids");
        for (int i = 0; i < chips.size(); i++) {
            String piece = new String(tiny.tokenizer().piece(expected[i], true), StandardCharsets.UTF_8).replace(" ", "·").replace("\n", "⏎");
            assertEquals(piece, chips.get(i).findElement(By.cssSelector(".piece")).getDomProperty("textContent"), "piece " + i);
        }
        b.find("#tokenizer-text").sendKeys(Keys.END);
        b.screenshots("models");
        b.assertNoConsoleErrors();
    }

    @Test
    void withoutAModelThePageSaysSo() {
        server = new OpenAiServer(ServerSettings.local(0, 1), bugs::add).start();
        StudioBrowser b = StudioBrowser.get();
        b.open("http://127.0.0.1:" + server.port() + "/#models");
        b.await("the note", () -> b.find("#loaded").getText().startsWith("No chat model is loaded"));
        assertTrue(!b.find("#tokenize").isEnabled());
        b.assertNoConsoleErrors();
    }
}
