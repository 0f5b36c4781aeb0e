package io.genai4j.server.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.course.ladder.Ladder;
import io.genai4j.course.ladder.LadderData;
import io.genai4j.course.ladder.LadderEntry;
import io.genai4j.course.ladder.LadderResult;
import io.genai4j.text.Corpus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The lessons page in headless Chromium, on the bundled models of a studio without a chat model. */
class LessonsPageTest extends ModelFreeStudio {

    /** What the n-gram endpoint answers, asked over plain HTTP. */
    private static List<String> nextWords(String context) {
        return endpoint("ngram/next", "{\"context\":\"" + context + "\",\"top\":12}", "next", "token");
    }

    /** The {@code field} of each item of the list {@code list} in a lesson endpoint's answer. */
    private static List<String> endpoint(String path, String body, String list, String field) {
        List<String> out = new java.util.ArrayList<>();
        for (var n : endpoint(path, body).get(list)) out.add(n.get(field).textValue());
        return out;
    }

    private static StudioBrowser open() {
        StudioBrowser b = StudioBrowser.get();
        b.open(page("lessons"));
        return b;
    }

    /** The page, on one lesson's tab. */
    private static StudioBrowser lesson(String tab) {
        StudioBrowser b = open();
        b.find("#tab-" + tab).click();
        return b;
    }

    /** A lesson endpoint's answer, asked over plain HTTP (what the page must show). */
    private static com.fasterxml.jackson.databind.JsonNode endpoint(String path, String body) {
        return StudioHttp.post(server, "lessons/" + path, body);
    }

    @Test
    void ngramTableFollowsTheContextAndSamplesStepByStep() {
        StudioBrowser b = open();
        b.await("the first distribution", () -> b.all("#ngram-chart .bar").size() == 12);
        assertTrue(b.find("#ngram-caption").getText().startsWith("After “I will”"), b.find("#ngram-caption").getText());
        b.find("#ngram-context").clear();
        b.find("#ngram-context").sendKeys("to be or not", Keys.ENTER);
        b.await("the new distribution", () -> b.find("#ngram-caption").getText().startsWith("After “to be or not”"));
        List<String> drawnBars = b.all("#ngram-chart .bar").stream().map(e -> e.getDomAttribute("data-label")).toList();
        assertEquals(nextWords("to be or not"), drawnBars, "the bars are the endpoint's words, likeliest first");

        b.find("#ngram-step").click();
        b.await("a drawn word", () -> b.find("#ngram-status").getText().startsWith("Drew"));
        String grown = b.find("#ngram-context").getDomProperty("value");
        String drawn = b.find("#ngram-status").getText().replaceAll("^Drew “(.*)”\\.$", "$1");
        assertTrue(grown.startsWith("to be or not") && grown.endsWith(drawn) && grown.length() > "to be or not".length(), grown + " / " + drawn);
        b.await("the table for the longer context", () -> b.find("#ngram-caption").getText().startsWith("After “" + grown + "”"));

        b.assertNoConsoleErrors();
        b.find("#ngram-context").clear();
        b.find("#ngram-context").sendKeys("xyzzy", Keys.ENTER);
        b.await("the refusal", () -> b.find("#ngram-status").getText().startsWith("Error:"));
        assertTrue(b.find("#ngram-status").getText().contains("xyzzy"), b.find("#ngram-status").getText());
        b.assertOnlyRefusal("/studio/api/lessons/ngram/next", 400);
        b.find("#ngram-context").clear();
        b.find("#ngram-context").sendKeys("I will", Keys.ENTER);
        b.await("the table again", () -> b.find("#ngram-caption").getText().startsWith("After “I will”"));
        b.screenshots("lesson-ngram");
        b.assertNoConsoleErrors();
    }

    @Test
    void translationHeatmapAnswersAHover() {
        StudioBrowser b = lesson("translation");
        b.await("the heatmap", () -> !b.all("#translation-heatmap rect.cell").isEmpty());
        var expected = endpoint("translation", "{\"sentence\":\"Where is the station?\"}");
        assertEquals(expected.get("source").textValue() + " → " + expected.get("translation").textValue(), b.find("#translation-output").getText());
        assertEquals(expected.get("target_pieces").size(), b.all("#translation-heatmap rect.cell[data-col='0']").size(), "a row per French token");
        assertEquals(expected.get("source_pieces").size(), b.all("#translation-heatmap rect.cell[data-row='0']").size(), "a column per English token");
        WebElement cell = b.find("#translation-heatmap rect.cell[data-row='0'][data-col='0']");
        new Actions(b.driver).moveToElement(cell).perform();
        b.await("the hover readout", () -> b.find("#translation-readout").getText().startsWith("Writing"));
        assertTrue(cell.getDomAttribute("class").contains("hot"));
        b.screenshots("lesson-translation");
        b.assertNoConsoleErrors();
    }

    @Test
    void gptSamplingShowsTheTopFiveAtEveryStep() {
        StudioBrowser b = lesson("gpt");
        b.await("the steps", () -> b.all("#gpt-steps tr").size() == 41);
        for (WebElement row : b.all("#gpt-steps tr").subList(1, 41)) {
            List<WebElement> chips = row.findElements(org.openqa.selenium.By.cssSelector(".chip"));
            assertTrue(!chips.isEmpty() && chips.size() <= 5, "top-5 chips: " + chips.size());
        }
        assertTrue(b.find("#gpt-text").getText().startsWith("ROMEO:"));
        assertEquals(46, b.find("#gpt-text").getDomProperty("textContent").length(), "the prompt and 40 characters");
        b.screenshots("lesson-gpt");
        b.assertNoConsoleErrors();
    }

    @Test
    void gptAttentionGridAndHeadViewAnswerAHover() {
        StudioBrowser b = lesson("attention");
        b.await("the layer x head grid", () -> !b.all("#attention-grid .thumb").isEmpty());
        int thumbs = b.all("#attention-grid .thumb").size();
        assertTrue(thumbs >= 4, "layers x heads: " + thumbs);
        b.find("#attention-grid .thumb[data-layer='0'][data-head='1']").click();
        assertEquals("Layer 1, head 2: hover a character on the left", b.find("#attention-head-title").getText());
        WebElement token = b.all("#attention-head .query").get(4);
        new Actions(b.driver).moveToElement(token).perform();
        b.await("the readout for the hovered character", () -> b.find("#attention-readout").getText().contains("(position 5)"));
        assertEquals(19, b.all("#attention-head line").size(), "one line per key");
        b.screenshots("lesson-attention");
        b.assertNoConsoleErrors();
    }

    @Test
    void aTrainingRunStreamsItsLossLiveAndStops() {
        StudioBrowser b = lesson("training");
        b.find("#training-steps").clear();
        b.find("#training-steps").sendKeys("5000");
        b.find("#training-every").clear();
        b.find("#training-every").sendKeys("10");
        b.find("#training-start").click();
        b.await("a few steps on the curve", () -> ((Number) b.js("const p = document.querySelector('#training-chart polyline');"
                + " return p ? p.points.numberOfItems : 0")).intValue() >= 12);
        assertTrue(!b.all("#training-chart circle.eval-val").isEmpty(), "the evaluations are drawn");
        assertTrue(b.find("#training-status").getText().startsWith("Step "), b.find("#training-status").getText());
        b.find("#training-stop").click();
        b.await("the stop", () -> b.find("#training-status").getText().startsWith("Stopped after"));
        int steps = Integer.parseInt(b.find("#training-status").getText().replaceAll("^Stopped after (\\d+) steps.*", "$1"));
        assertTrue(steps >= 12 && steps < 5000, "stopped early: " + steps);
        assertTrue(b.find("#training-start").isEnabled() && !b.find("#training-stop").isEnabled());
        b.screenshots("lesson-training");
        b.assertNoConsoleErrors();
    }

    @Test
    void wordVectorsAnswerAnAnalogyAndDrawTheMap() {
        StudioBrowser b = lesson("word2vec");
        b.await("the analogy (the vectors train first)", Duration.ofSeconds(60), () -> b.find("#word2vec-status").getText().startsWith("man : king :: woman : "));
        List<String> bars = b.all("#analogy-chart .bar").stream().map(e -> e.getDomAttribute("data-label")).toList();
        assertEquals(endpoint("word2vec/analogy", "{\"a\":\"man\",\"b\":\"king\",\"c\":\"woman\"}", "answers", "word"), bars);
        b.await("the map", () -> b.all("#word-map circle.word").size() == 10);
        assertEquals(5, b.all("#word-map line.arrow").size(), "one arrow per pair");
        assertEquals(endpoint("word2vec/map", "{\"items\":[\"man:woman\",\"king:queen\",\"lord:lady\",\"father:mother\",\"he:she\"]}", "words", "word"),
                b.all("#word-map text.label").stream().map(e -> e.getText()).toList());
        b.screenshots("lesson-word2vec");
        b.assertNoConsoleErrors();
        b.find("#analogy-a").clear();
        b.find("#analogy-a").sendKeys("xyzzy", Keys.ENTER);
        b.await("the refusal", () -> b.find("#word2vec-status").getText().startsWith("Error:"));
        assertTrue(b.find("#word2vec-status").getText().contains("\"xyzzy\" is not among"), b.find("#word2vec-status").getText());
        b.assertOnlyRefusal("/studio/api/lessons/word2vec/analogy", 400);
    }

    @Test
    void theLadderChartsEachCountingRungAsItLands() throws Exception {
        List<LadderEntry> counting = Ladder.entries().stream().filter(e -> e.family().equals(LadderLesson.COUNTING)).toList();
        List<LadderResult> expected = Ladder.run(LadderData.of(Corpus.tinyShakespeare(), 1, 80), counting, r -> {});
        StudioBrowser b = lesson("ladder");
        b.await("the last rung", () -> b.find("#ladder-status").getText().startsWith("Done: " + expected.size() + " models"));
        assertEquals(expected.stream().map(LadderResult::name).toList(),
                b.all("#ladder-chart .bar").stream().map(e -> e.getDomAttribute("data-label")).toList(), "a bar per rung, in ladder order");
        List<String> shown = b.all("#ladder-table tr").stream().skip(1).map(tr -> tr.findElements(org.openqa.selenium.By.cssSelector("td")).get(2).getText()).toList();
        assertEquals(expected.stream().map(r -> String.format(java.util.Locale.ROOT, "%.4f", io.genai4j.engine.util.Rounding.places(r.valNatsPerChar(), 4))).toList(), shown,
                "the validation nats/char that genai ladder computes");
        assertTrue(b.all("#ladder-chart .bar.family-ngram").size() == expected.size(), "coloured by family");
        assertTrue(b.find("#ladder-start").isEnabled() && !b.find("#ladder-stop").isEnabled());
        b.screenshots("lesson-ladder");
        b.assertNoConsoleErrors();
    }

    @Test
    void shippedGeneratorsDrawDigitsFromASeed() {
        StudioBrowser b = lesson("generative");
        b.await("the VAE's digits", () -> b.all("#generative-grid canvas").size() == 20);
        var vae = endpoint("generative", "{\"model\":\"vae\",\"seed\":1,\"samples\":20}");
        assertEquals(labels(vae), b.all("#generative-grid figcaption").stream().map(WebElement::getText).toList(), "the classifier's readings");
        assertEquals(ink(vae.get("images").get(0).get("pixels")), canvasPixels(b, 0), "the first digit as the endpoint drew it");
        assertTrue(b.find("#generative-status").getText().startsWith("VAE, seed 1: "), b.find("#generative-status").getText());

        b.find("#generative-model").sendKeys("GAN");
        b.await("the GAN's digits", () -> b.find("#generative-status").getText().startsWith("GAN, seed 1: "));
        b.find("#generative-again").click();
        b.await("another seed", () -> b.find("#generative-status").getText().startsWith("GAN, seed 2: "));
        var gan = endpoint("generative", "{\"model\":\"gan\",\"seed\":2,\"samples\":20}");
        assertEquals(ink(gan.get("images").get(0).get("pixels")), canvasPixels(b, 0), "the GAN's first digit of seed 2");
        assertTrue(!ink(vae.get("images").get(0).get("pixels")).equals(canvasPixels(b, 0)));
        b.screenshots("lesson-generative");
        b.assertNoConsoleErrors();
    }

    private static List<String> labels(com.fasterxml.jackson.databind.JsonNode r) {
        List<String> out = new java.util.ArrayList<>();
        for (var img : r.get("images")) out.add(img.get("label").asText());
        return out;
    }

    /** The grey levels a canvas should show: ink (255) dark on white. */
    private static List<Long> ink(com.fasterxml.jackson.databind.JsonNode pixels) {
        List<Long> out = new java.util.ArrayList<>();
        for (var p : pixels) out.add(255L - p.asLong());
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Long> canvasPixels(StudioBrowser b, int k) {
        // read through a copy made for reading, so the page's own canvas is never read back (Chromium warns of that)
        return (List<Long>) b.js("const c = document.querySelectorAll('#generative-grid canvas')[arguments[0]];"
                + " const copy = document.createElement('canvas'); copy.width = c.width; copy.height = c.height;"
                + " const g = copy.getContext('2d', { willReadFrequently: true }); g.drawImage(c, 0, 0);"
                + " return Array.from(g.getImageData(0, 0, c.width, c.height).data).filter((v, i) => i % 4 === 0);", k);
    }
}
