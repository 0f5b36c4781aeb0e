package io.genai4j.models.captioner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.Rng;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints round-trip, and the shipped captioner is the one its model card describes. */
class CaptionCheckpointTest {
    @Test
    void saveAndLoadKeepWeightsAndConfig(@TempDir Path dir) throws Exception {
        GitConfig c = new GitConfig(56, 14, 16, 1, 1, 2, 32, new CaptionVocabulary().size(), 24);
        Git m = new Git(c, new Rng(4));
        Path f = dir.resolve("g.safetensors");
        CaptionCheckpoint.save(f, m, Map.of("steps", 3));
        CaptionCheckpoint back = CaptionCheckpoint.load(f);
        assertEquals(c, back.model().config);
        assertEquals(3, ((Number) back.train().get("steps")).intValue());
        assertEquals(m.stateDict().get("lm_head.weight").toArray()[5], back.model().stateDict().get("lm_head.weight").toArray()[5]);
    }

    @Test
    void theShippedModelMatchesItsCard() throws Exception {
        CaptionCheckpoint shipped = CaptionCheckpoint.bundled();
        assertNotNull(shipped, "git-small.safetensors is in the models jar");
        assertEquals(GitConfig.small(), shipped.model().config);
        assertEquals(160_229, shipped.model().numParameters());
        assertTrue(shipped.train().containsKey("steps"));
    }
}
