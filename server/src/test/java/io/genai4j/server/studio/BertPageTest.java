package io.genai4j.server.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.models.bert.BundledModel;
import io.genai4j.text.wordpiece.WordPieceTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The BERT attention lesson in headless Chromium, on MiniLM from LangChain4j's artifact. */
class BertPageTest extends ModelFreeStudio {
    private static final String SENTENCE = "The cat sat on the mat because it was tired.";

    @Test
    void wordPieceTokensHeatmapAndHeadViewOfAChosenLayerAndHead() throws Exception {
        StudioBrowser b = StudioBrowser.get();
        b.open(page("lessons"));
        b.find("#tab-bert").click();
        b.await("the model view", () -> b.all("#bert-grid .thumb").size() == 6 * 12);

        WordPieceTokenizer wp = WordPieceTokenizer.fromTokenizerJson(BundledModel.MINILM.tokenizerJson());
        int[] ids = wp.encode(SENTENCE, 256).ids();
        List<String> pieces = new ArrayList<>();
        for (int id : ids) pieces.add(wp.display(id));
        assertEquals("[CLS]", pieces.getFirst());
        assertEquals("[SEP]", pieces.getLast());
        List<WebElement> chips = b.all("#bert-tokens .token");
        assertEquals(pieces, chips.stream().map(c -> c.findElement(By.cssSelector(".piece")).getText()).toList(), "the WordPiece tokens");
        assertEquals(java.util.Arrays.stream(ids).boxed().toList(),
                chips.stream().map(c -> Integer.valueOf(c.findElement(By.cssSelector(".id")).getText())).toList(), "their ids");

        b.find("#bert-layer").sendKeys("layer 3");   // typed into the focused select, as a keyboard user picks
        b.find("#bert-head").sendKeys("head 5");
        b.await("layer 3, head 5", () -> b.find("#bert-head-title").getText().equals("Layer 3, head 5"));
        int t = pieces.size();
        assertEquals(t * t, b.all("#bert-heatmap rect.cell").size(), "a T×T heatmap");
        assertEquals(1, b.all("#bert-grid .thumb.selected[data-layer='2'][data-head='4']").size(), "the model view marks the head");

        JsonNode w = StudioHttp.post(server, "lessons/bert/attention", "{\"text\":\"" + SENTENCE + "\"}").get("weights").get(2).get(4);
        WebElement cell = b.find("#bert-heatmap rect.cell[data-row='3'][data-col='1']");
        String title = cell.findElement(By.cssSelector("title")).getDomProperty("textContent");
        assertEquals(pieces.get(3) + " → " + pieces.get(1) + ": " + String.format(Locale.ROOT, "%.3f", w.get(3).get(1).doubleValue()), title);
        new Actions(b.driver).moveToElement(cell).perform();
        b.await("the cell's readout", () -> b.find("#bert-readout").getText().startsWith("“" + pieces.get(3) + "” gives “" + pieces.get(1) + "”"));

        assertEquals(t, b.all("#bert-headview line").size(), "one line per key");
        new Actions(b.driver).moveToElement(b.all("#bert-headview .query").get(2)).perform();
        b.await("the head view's readout", () -> b.find("#bert-readout").getText().contains("(position 3) looks most at"));

        b.find("#bert-grid .thumb[data-layer='0'][data-head='0']").click();
        assertEquals("0", b.find("#bert-layer").getDomProperty("value"), "a square of the model view picks its layer");
        assertEquals("Layer 1, head 1", b.find("#bert-head-title").getText());
        b.screenshots("lesson-bert");
        b.assertNoConsoleErrors();
    }
}
