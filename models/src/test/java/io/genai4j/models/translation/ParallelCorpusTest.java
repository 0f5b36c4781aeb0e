package io.genai4j.models.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelCorpusTest {

    /** A worktree at ROOT/wt/NAME finds the pairs in ROOT/shared/data, as the other data sets do. */
    @Test
    void defaultPathFindsTheSharedDataFolderFromAWorktree(@TempDir Path root) throws Exception {
        assumeTrue(System.getenv("GENAI_DATA") == null, "GENAI_DATA names the data folder here");
        Path pairs = root.resolve("shared/data/translation/fra-eng/fra.txt");
        Files.createDirectories(pairs.getParent());
        Files.writeString(pairs, "Go.\tVa !\n");
        Path worktree = Files.createDirectories(root.resolve("wt/audit"));
        String home = System.getProperty("genai.home"), data = System.getProperty("genai.data");
        try {
            System.setProperty("genai.home", worktree.toString());
            System.clearProperty("genai.data");
            assertEquals(pairs, ParallelCorpus.defaultPath());
        } finally {
            restore("genai.home", home);
            restore("genai.data", data);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) System.clearProperty(key);
        else System.setProperty(key, value);
    }

    @Test
    void normalizationLowercasesAndCleansFrenchSpacing() {
        assertEquals("ça alors !", Normalizer.normalize("Ça alors\u202f!"));
        assertEquals("va !", Normalizer.normalize("Va\u00a0!"));
        assertEquals("c'est l'été...", Normalizer.normalize("C’est  l’été\u2026"));
        assertEquals(3, Normalizer.words("a b c"));
        assertEquals(0, Normalizer.words(""));
    }

    @Test
    void splitIsDeterministicDisjointBySourceAndNinetyFiveFive(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            lines.add("sentence number " + i + ".\tphrase numéro " + i + ".");
            if (i % 4 == 0) lines.add("sentence number " + i + ".\tla phrase " + i + ".");   // a second translation
        }
        lines.add("this one is far too long to be kept by the filter.\tcelle-ci est trop longue.");
        Path f = Files.write(dir.resolve("pairs.txt"), lines);
        ParallelCorpus a = ParallelCorpus.load(f, 10, false, 7), b = ParallelCorpus.load(f, 10, false, 7);
        assertEquals(a.test(), b.test());
        assertEquals(a.train(), b.train());
        assertEquals(500, a.train().size() + a.val().size() + a.test().size(), "the long pair is filtered out");
        Set<String> train = new HashSet<>();
        a.train().forEach(p -> train.add(p.source()));
        for (Pair p : a.test()) assertTrue(!train.contains(p.source()), "test source seen in training: " + p);
        for (Pair p : a.val()) assertTrue(!train.contains(p.source()), "val source seen in training: " + p);
        assertEquals(20, a.test().stream().map(Pair::source).distinct().count(), "5% of 400 distinct sources");
        assertTrue(!ParallelCorpus.load(f, 10, false, 8).test().equals(a.test()), "another seed, another split");
        ParallelCorpus r = ParallelCorpus.load(f, 10, true, 7);
        List<Pair> all = new ArrayList<>(r.train());
        all.addAll(r.val());
        all.addAll(r.test());
        assertTrue(all.contains(new Pair("phrase numéro 3.", "sentence number 3.")), "--reverse swaps the sides");
    }

    @Test
    void missingFileIsAClearError(@TempDir Path dir) {
        Exception e = assertThrows(java.nio.file.NoSuchFileException.class, () -> ParallelCorpus.load(dir.resolve("none.txt"), 10, false, 1));
        assertTrue(e.getMessage().contains("translation pairs not found"), e.getMessage());
    }

    @Test
    void batchesPadAndShiftTheTarget() {
        SharedVocab v = TinyPairs.vocab();
        Batch b = Batches.fixed(TinyPairs.PAIRS.subList(0, 2), v, 8).get(0);
        int[] y = v.encode("j'ai froid .");
        assertEquals(v.bos, b.tgtIn()[0]);
        for (int i = 0; i < y.length; i++) assertEquals(y[i], b.tgtOut()[i], "target out is the sentence then </s>");
        for (int i = 1; i < y.length; i++) assertEquals(y[i - 1], b.tgtIn()[i], "target in is shifted right by one");
        assertEquals(v.eos, b.tgtOut()[y.length - 1]);
        assertEquals("j'ai froid .", v.decode(y));
        int real = b.srcLengths()[0];
        for (int j = real; j < b.s(); j++) assertEquals(v.pad, b.src()[j]);
    }
}
