package io.genai4j.course.generative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.course.tour.Narrator;
import io.genai4j.course.tour.StepResult;
import io.genai4j.course.tour.TourContext;
import io.genai4j.text.Corpus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tour's generative step draws from the three shipped models: three grids, labels from the scale's classifier, the cards. */
class GenerativeStepTest {
    @Test
    void threeGridsAndTheirCards(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TourContext ctx = new TourContext(new Narrator(new PrintStream(bytes, true, StandardCharsets.UTF_8), false), Corpus.tinyShakespeare(), 1, tmp);
        StepResult r = new GenerativeStep().run(ctx);
        assertEquals(3, ctx.pictures().size());
        for (Path p : ctx.pictures()) assertTrue(Files.size(p) > 1000, p.toString());
        for (String model : new String[] {"VAE", "GAN", "latent diffusion"}) {
            Map<?, ?> f = (Map<?, ?>) r.figures().get(model);
            int distinct = (Integer) f.get("distinct_labels");
            assertTrue(distinct >= 2 && distinct <= 10, model + ": trained models make more than one digit: " + distinct);
            assertTrue(((Map<?, ?>) f.get("train")).get("cpu_seconds") instanceof Number, model + " has a card");
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("genai generative compare"), text);
    }
}
