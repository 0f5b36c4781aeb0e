package io.genai4j.cli.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BertHeadDefaultTest {
    @Test
    void aHeadTrainedWithoutOutGoesUnderRuns() {
        assertEquals(Path.of("runs", "bert-all-MiniLM_L6_v2-gru.safetensors"), BertClassify.defaultHeadFile("all-MiniLM/L6 v2", "gru"));
    }
}
