package io.genai4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.models.bert.classify.HeadFile;
import io.genai4j.models.rnn.CharRnnCheckpoint;
import io.genai4j.models.word2vec.WordVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during the single-file saves of the char RNN, BERT heads and word2vec (one atomic rename
 * each is their unit): at every one of the 12 write stages of a round of three saves, what remains
 * loads whole and is one save, and temp files of the killed child go with the next child's write.
 */
class SingleFileKillTest {

    @Test
    void aKilledSaveLeavesThePreviousFileOrTheNewOneNeverAHalf(@TempDir Path work) throws Exception {
        Path dir = Files.createDirectories(work.resolve("out"));
        Set<String> stages = new TreeSet<>(), previousLeftovers = Set.of();
        int leftoverKills = 0;
        for (int k = 1; k <= 12; k++) {
            KilledChild c = KilledChild.start(SingleFileKillChild.class, work, k, dir.toString());
            String stage = c.awaitPause();
            Set<String> now = KilledChild.hidden(dir);
            for (String old : previousLeftovers) assertFalse(now.contains(old), "at " + stage + ": " + old + " of the killed child is still there");
            c.kill();
            stages.add(stage.replaceAll("\\.\\d+-[0-9a-f]+\\.tmp", ".*"));
            previousLeftovers = KilledChild.hidden(dir);
            if (!previousLeftovers.isEmpty()) leftoverKills++;

            if (Files.exists(dir.resolve(SingleFileKillChild.RNN))) {
                assertTrue(((Number) CharRnnCheckpoint.load(dir.resolve(SingleFileKillChild.RNN)).train().get("iter")).intValue() >= 1);
            }
            if (Files.exists(dir.resolve(SingleFileKillChild.HEAD))) {
                assertTrue(HeadFile.load(dir.resolve(SingleFileKillChild.HEAD)).model().matches("iter-\\d+"));
            }
            if (Files.exists(dir.resolve(SingleFileKillChild.VECTORS))) {
                WordVectors v = WordVectors.load(dir.resolve(SingleFileKillChild.VECTORS));
                assertEquals(SingleFileKillChild.WORDS, v.size());
                float first = v.vector("w0")[0];
                for (String w : v.words()) for (float x : v.vector(w)) assertEquals(first, x, "one save throughout, at " + stage);
            }
        }
        assertEquals(12, stages.size(), "every stage of the three saves: " + stages);
        assertTrue(leftoverKills >= 6, "kills before a rename leave temp files: " + leftoverKills);
    }
}
