package io.genai4j.server.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.models.vision.Mnist;
import io.genai4j.text.SharedData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** The vision lesson in headless Chromium: a tiny ViT run on MNIST from the page, its accuracy and digit grid. */
class VisionPageTest extends ModelFreeStudio {

    @Test
    void aTinyVitRunChartsAccuracyAndReadsSixteenDigits() {
        SharedData.require("images/mnist/" + Mnist.IMAGES);
        StudioBrowser b = StudioBrowser.get();
        b.open(page("lessons"));
        b.find("#tab-vision").click();
        b.find("#vision-steps").clear();
        b.find("#vision-steps").sendKeys("6");
        b.find("#vision-every").clear();
        b.find("#vision-every").sendKeys("3");
        b.find("#vision-start").click();
        b.await("the end of the run", () -> b.find("#vision-status").getText().startsWith("Done: 6 steps"));

        List<JsonNode> events = StudioHttp.events(server, "vision/events");
        List<JsonNode> evals = events.stream().filter(e -> e.get("type").asText().equals("eval")).toList();
        assertEquals(2, evals.size(), "an evaluation every 3 of 6 steps: " + evals);
        assertEquals(evals.size(), b.all("#vision-chart circle.eval-val").size(), "a dot per evaluation");
        JsonNode last = events.stream().filter(e -> e.get("type").asText().equals("grid")).reduce((x, y) -> y).orElseThrow();
        assertTrue(last.get("best").asBoolean(), "the last grid is the restored best weights");
        List<String> predicted = new ArrayList<>();
        int wrong = 0;
        for (JsonNode d : last.get("digits")) {
            predicted.add(d.get("predicted").asText());
            if (d.get("predicted").asInt() != d.get("label").asInt()) wrong++;
            assertEquals(4, d.get("attention").size(), "the ViT's 4×4 patch grid of attention");
        }
        assertEquals(VisionLesson.DIGITS, b.all("#vision-grid canvas").size());
        assertEquals(predicted, b.all("#vision-grid figcaption").stream().map(WebElement::getText).toList(), "the model's readings");
        assertEquals(wrong, b.all("#vision-grid .digit.wrong").size(), "wrong readings marked");
        assertTrue(b.find("#vision-start").isEnabled() && !b.find("#vision-stop").isEnabled());
        b.js("document.getElementById('vision-grid').scrollIntoView()");
        b.screenshots("lesson-vision");
        b.assertNoConsoleErrors();

        // a run on the CPU budget alone goes on until the stop button ends it
        b.find("#vision-steps").clear();
        b.find("#vision-steps").sendKeys("0");
        b.find("#vision-seconds").clear();
        b.find("#vision-seconds").sendKeys("600");
        b.find("#vision-start").click();
        b.await("a first accuracy point", () -> b.find("#vision-status").getText().startsWith("Step ") && !b.find("#vision-stop").getDomProperty("disabled").equals("true"));
        b.find("#vision-stop").click();
        b.await("the stop", () -> b.find("#vision-status").getText().startsWith("Stopped"));
        assertTrue(b.find("#vision-start").isEnabled() && !b.find("#vision-stop").isEnabled());
        b.assertNoConsoleErrors();
    }
}
