package io.genai4j.models.bert.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.models.EditedCheckpoint;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An edited head file is one line naming the field, before anything of the declared size is allocated. */
class HeadFileTest {
    @Test
    void shapeMetadataIsCheckedAgainstTheWeights(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("h.safetensors");
        new HeadFile(HeadSpec.of("mlp").withWidth(12).build(8, 2, 6), "minilm", "mean", new String[] {"negative", "positive"}).save(file);
        assertEquals(12, Integer.parseInt(HeadFile.load(file).head().shape().get("width")));
        var e = EditedCheckpoint.refused(HeadFile::load, file, "width", "1000000000");
        assertTrue(e.getMessage().contains("width 1000000000 needs at least 8000000000 weights but the file holds"), e.getMessage());
        e = EditedCheckpoint.refused(HeadFile::load, file, "hidden", null);
        assertTrue(e.getMessage().contains("metadata field 'hidden' must be a positive integer, got nothing"), e.getMessage());
        e = EditedCheckpoint.refused(HeadFile::load, file, "classes", "two");
        assertTrue(e.getMessage().contains("metadata field 'classes' must be a positive integer, got two"), e.getMessage());
        e = EditedCheckpoint.refused(HeadFile::load, file, "width", "13");
        assertTrue(e.getMessage().startsWith(file.resolveSibling("edited.safetensors").toString()), e.getMessage());
    }
}
