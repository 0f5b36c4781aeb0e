package io.genai4j.server.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.engine.Rng;
import io.genai4j.models.vision.Images;
import io.genai4j.models.vision.VisionConfig;
import io.genai4j.models.vision.VisionEvaluation;
import io.genai4j.models.vision.VisionModel;
import io.genai4j.server.ApiException;
import io.genai4j.server.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisionLessonTest {

    @Test
    void withoutMnistTheLessonSaysWhereItLookedAndRefusesToStart(@TempDir Path empty) {
        List<Throwable> bugs = new ArrayList<>();
        VisionLesson lesson = new VisionLesson(empty, bugs::add);
        ObjectNode status = lesson.status();
        assertFalse(status.get("mnist").asBoolean());
        assertTrue(status.get("message").asText().contains(empty.toString()), status.toString());
        ApiException e = assertThrows(ApiException.class, () -> lesson.start(Json.object().put("max_steps", 2)));
        assertEquals(503, e.status());
        assertEquals(400, assertThrows(ApiException.class, () -> lesson.start(Json.object().put("model", "rnn"))).status());
        assertEquals(List.of(), bugs);
    }

    @Test
    void theGridShowsSixteenDigitsWithThePredictionsAndTheVitRollout() {
        Rng rng = new Rng(3);
        float[] px = new float[20 * 28 * 28];
        for (int i = 0; i < px.length; i++) px[i] = rng.nextFloat();
        int[] labels = new int[20];
        for (int i = 0; i < labels.length; i++) labels[i] = i % 10;
        Images images = new Images(px, labels, 28, 28);
        VisionModel vit = VisionModel.create(VisionConfig.vit(), new Rng(1));
        int[] expected = VisionEvaluation.predict(vit, images.range(0, VisionLesson.DIGITS), 4);

        JsonNode grid = VisionLesson.grid(vit, images, 7, false);
        assertEquals(7, grid.get("step").asInt());
        assertEquals(VisionLesson.DIGITS, grid.get("digits").size());
        for (int i = 0; i < VisionLesson.DIGITS; i++) {
            JsonNode d = grid.get("digits").get(i);
            assertEquals(labels[i], d.get("label").asInt());
            assertEquals(expected[i], d.get("predicted").asInt(), "digit " + i);
            assertEquals(28 * 28, d.get("pixels").size());
            assertEquals(Math.round(255 * px[i * 784 + 100]), d.get("pixels").get(100).asInt());
            double max = 0;
            for (JsonNode row : d.get("attention")) for (JsonNode w : row) max = Math.max(max, w.asDouble());
            assertEquals(1.0, max, 1e-9, "the rollout is scaled to its largest patch");
        }
        JsonNode cnn = VisionLesson.grid(VisionModel.create(VisionConfig.cnn(), new Rng(1)), images, 0, true);
        assertFalse(cnn.get("digits").get(0).has("attention"), "LeNet has no attention");
    }
}
