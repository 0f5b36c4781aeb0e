package io.genai4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.cli.CliRun;
import io.genai4j.text.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** genai bench bert end to end on 8 SST-2 sentences: genai4j and ONNX Runtime both timed (moved from the CLI's BertCliTest). */
class BenchBertTest {
    @Test
    void benchBertComparesWithOnnxRuntime() throws Exception {
        Path sst = SharedData.require("sentiment/sst2");
        CliRun r = CliRun.of("bench", "bert", "--sentences", "8", "--batch", "4", "--repeats", "1", "--data", sst.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("minilm", j.get("model").asText());
        assertTrue(j.get("genai_sps").asDouble() > 0 && j.get("onnx_sps").asDouble() > 0);
        assertEquals(j.get("genai_sps").asDouble() / j.get("onnx_sps").asDouble(), j.get("ratio").asDouble(), 0.01);
        assertTrue(j.get("genai_sps_one_batch_at_a_time").asDouble() > 0);
        if (j.get("threads").asInt() > 1) assertTrue(j.get("onnx_sps_side_by_side").asDouble() > 0, "both ways of using the threads, for both runtimes");
    }
}
