package io.genai4j.models.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.text.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The real English-French file from ../shared/data, when present: the filter and split the README reports. */
class FraEngDataTest {
    /** The Tatoeba English-French pairs from www.manythings.org/anki (skipped when absent, failed under CI). */
    static Path fraTxt() {
        return SharedData.require("translation/fra-eng/fra.txt");
    }

    @Test
    void splitOfTheTatoebaPairs() throws Exception {
        Path f = fraTxt();
        assertTrue(Files.readString(f.resolveSibling("_about.txt")).contains("Attribution: www.manythings.org/anki and tatoeba.org"), "the licence notice sits next to the data");
        ParallelCorpus c = ParallelCorpus.load(f, 10, false, 1);
        assertEquals(127_895, c.train().size() + c.val().size() + c.test().size(), "pairs with at most 10 words on each side");
        assertEquals(6_327, c.test().size());
        assertEquals(6_323, c.val().size());
        Set<String> train = new HashSet<>();
        c.train().forEach(p -> train.add(p.source()));
        assertTrue(c.test().stream().noneMatch(p -> train.contains(p.source())), "no test sentence is a training sentence");
        assertEquals(c.test(), ParallelCorpus.load(f, 10, false, 1).test(), "the split is deterministic");
    }
}
