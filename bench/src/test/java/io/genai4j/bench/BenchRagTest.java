package io.genai4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.cli.CliRun;
import io.genai4j.text.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** genai bench rag on a slice of SQuAD: LangChain4j Easy RAG and genai4j's retrievers side by side. */
class BenchRagTest {
    @Test
    void easyRagAndGenai4jRunOnTheSameSlice() throws Exception {
        Path squad = SharedData.require("rag/squad-v1.1/dev-v1.1.json");
        CliRun r = CliRun.of("bench", "rag", "--data", squad.toString(), "--paragraphs", "12", "--questions", "24", "--models", "minilm",
                "--latency-sample", "3", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(12, j.get("paragraphs").asInt());
        assertEquals(24, j.get("questions").asInt());
        List<String> methods = new ArrayList<>();
        for (JsonNode m : j.get("methods")) {
            methods.add(m.get("method").asText());
            assertTrue(m.get("recall_at_5").asDouble() >= 0.5, "far above chance (5 of 12): " + m);
            assertTrue(m.get("recall_at_1").asDouble() <= m.get("recall_at_5").asDouble(), m.toString());
        }
        assertEquals(List.of("easy-rag", "bm25", "dense-minilm", "hybrid-minilm"), methods);
        assertTrue(j.get("easy_rag_segments").asInt() >= 12, "at least a segment per paragraph");
        assertTrue(j.get("easy_rag_chunks_per_second").asDouble() > 0 && j.get("genai_minilm_chunks_per_second").asDouble() > 0);
    }
}
