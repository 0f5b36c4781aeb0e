package io.genai4j.course.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.course.tour.Narrator;
import io.genai4j.course.tour.StepResult;
import io.genai4j.course.tour.TourContext;
import io.genai4j.text.Corpus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tour's tools step runs the shipped assistant: the trace shows its calculator call and the tool's exact result. */
class ToolsStepTest {
    @Test
    void theTraceShowsTheCallAndTheResult(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        StepResult r = new ToolsStep().run(new TourContext(new Narrator(out, false), Corpus.tinyShakespeare(), 1, tmp));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("[1] model calls calculator {\"expression\": \"37 * 48\"}"), text);
        assertTrue(text.contains("[1] calculator returns 1776"), text);
        assertEquals(ToolsStep.QUESTION, r.figures().get("question"));
        assertTrue(r.figures().containsKey("right"));
    }
}
