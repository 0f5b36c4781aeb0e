package io.genai4j.models.rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Rng;
import io.genai4j.models.EditedCheckpoint;
import io.genai4j.text.CharTokenizer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An edited char RNN checkpoint is one line naming the file and field, not a ClassCastException or AIOOBE. */
class CharRnnCheckpointTest {
    @Test
    void badMetadataNamesTheField(@TempDir Path dir) throws Exception {
        CharTokenizer chars = CharTokenizer.fit("abcd");
        Path file = dir.resolve("rnn.safetensors");
        CharRnnCheckpoint.save(file, new CharRnn(new CharRnnConfig("gru", chars.vocabSize(), 4, 6, 1, 0f), new Rng(1)), chars, Map.of(), false);
        assertEquals(4, CharRnnCheckpoint.load(file).chars().vocabSize());
        var e = EditedCheckpoint.refused(CharRnnCheckpoint::load, file, "code_points", "[97,98,99]");
        assertTrue(e.getMessage().contains("field 'code_points' has 3 entries but the config's vocab_size is 4"), e.getMessage());
        e = EditedCheckpoint.refused(CharRnnCheckpoint::load, file, "code_points", "\"abcd\"");
        assertTrue(e.getMessage().contains("field 'code_points' is missing or not a list"), e.getMessage());
        e = EditedCheckpoint.refused(CharRnnCheckpoint::load, file, "code_points", "[97,98,99,-1]");
        assertTrue(e.getMessage().contains("'code_points[3]' is not a Unicode code point: -1"), e.getMessage());
        e = EditedCheckpoint.refused(CharRnnCheckpoint::load, file, "config", null);
        assertTrue(e.getMessage().contains("metadata field 'config' is missing"), e.getMessage());
        e = EditedCheckpoint.refused(CharRnnCheckpoint::load, file, "config", "{\"cell\": \"gru\", \"vocab_size\": 4, \"embed\": 4, \"hidden\": 1000000, \"layers\": 1, \"dropout\": 0}");
        assertTrue(e.getMessage().contains("hidden 1000000, layers 1) needs at least 1,000,000,000,016 weights but the file holds"), e.getMessage());
        e = EditedCheckpoint.refused(CharRnnCheckpoint::load, file, "config", "{\"cell\": 3}");
        assertTrue(e.getMessage().contains("metadata 'config'"), e.getMessage());
    }
}
