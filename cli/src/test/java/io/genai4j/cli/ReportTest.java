package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genai4j.engine.util.Rounding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static JsonNode parse(Report r) throws Exception {
        return new ObjectMapper().readTree(r.toJson());
    }

    @Test
    void finiteFiguresAreWrittenAsNumbersAndNoErrorField() throws Exception {
        JsonNode j = parse(new Report().put("val_loss", Rounding.places(1.234567, 4)).put("tokens", 12).put("text", "hi"));
        assertEquals(1.2346, j.get("val_loss").asDouble());
        assertEquals(12, j.get("tokens").asInt());
        assertFalse(j.has("error"));
    }

    @Test
    void nanAndInfinityBecomeNullWithAnErrorNamingThem() throws Exception {
        JsonNode j = parse(new Report().put("val_loss", Rounding.places(Double.NaN, 4)).put("tokens", 3)
                .put("tg_tps", Double.POSITIVE_INFINITY));
        assertTrue(j.get("val_loss").isNull(), j.toString());
        assertTrue(j.get("tg_tps").isNull(), j.toString());
        assertEquals(3, j.get("tokens").asInt());
        assertEquals("not a finite number: val_loss=NaN, tg_tps=Infinity", j.get("error").asText());
    }

    @Test
    void nestedMapsListsAndArraysAreCleanedToo() throws Exception {
        JsonNode j = parse(new Report().put("epochs", List.of(Map.of("loss", Float.NaN)))
                .put("weights", new float[][] {{0.5f, Float.NEGATIVE_INFINITY}}).put("ids", new int[] {1, 2}));
        assertTrue(j.get("epochs").get(0).get("loss").isNull());
        assertEquals(0.5, j.get("weights").get(0).get(0).asDouble());
        assertTrue(j.get("weights").get(0).get(1).isNull());
        assertEquals(2, j.get("ids").size());
        assertEquals("not a finite number: epochs[0].loss=NaN, weights[0][1]=-Infinity", j.get("error").asText());
    }

    @Test
    void anExistingErrorIsKept() throws Exception {
        JsonNode j = parse(new Report().put("error", "stopped early").put("loss", Double.NaN));
        assertEquals("stopped early; not a finite number: loss=NaN", j.get("error").asText());
    }

    record Epoch(int step, double loss) {}

    @Test
    void numbersInsideARecordAreNeverWrittenAsNanStrings() throws Exception {
        JsonNode j = parse(new Report().put("last", new Epoch(3, Double.NaN)).put("best", new Epoch(2, 1.5)));
        assertTrue(j.get("last").get("loss").isNull(), j.toString());
        assertEquals(1.5, j.get("best").get("loss").asDouble());
        assertEquals(3, j.get("last").get("step").asInt());
    }
}
