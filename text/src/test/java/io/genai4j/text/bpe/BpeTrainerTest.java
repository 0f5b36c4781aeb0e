package io.genai4j.text.bpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpeTrainerTest {
    @Test
    void learnsTheTextbookMergesInOrder() {
        // "aaabdaaabac": pairs aa:4 ab:2 ...; merge a+a (aaa -> aa,a), then ab beats (aa,a) on the id tie-break, then aa+ab.
        ByteLevelBpe bpe = BpeTrainer.train("aaabdaaabac", 1000, List.of("<|endoftext|>"));
        List<String[]> merges = bpe.merges();
        assertEquals(3, merges.size(), "stops when every pair occurs once");
        assertArrayEquals(new String[] {"a", "a"}, merges.get(0));
        assertArrayEquals(new String[] {"a", "b"}, merges.get(1));
        assertArrayEquals(new String[] {"aa", "ab"}, merges.get(2));
        assertEquals(256 + 3 + 1, bpe.vocabSize());
        int aaab = bpe.idOf("aaab");
        assertArrayEquals(new int[] {aaab, bpe.idOf("d"), aaab, bpe.idOf("a"), bpe.idOf("c")}, bpe.encode("aaabdaaabac"));
        assertEquals(259, bpe.specialTokens().get("<|endoftext|>"));
        assertArrayEquals(new int[] {aaab, 259, aaab}, bpe.encodeWithSpecials("aaab<|endoftext|>aaab"));
        assertEquals("aaab<|endoftext|>aaab", bpe.decode(bpe.encodeWithSpecials("aaab<|endoftext|>aaab")));
    }

    @Test
    void savesAndLoadsInGpt2Format(@TempDir Path dir) throws Exception {
        String text = io.genai4j.text.Corpus.tinyShakespeare().text().substring(0, 50_000);
        ByteLevelBpe bpe = BpeTrainer.train(text, 400, List.of("<|endoftext|>"));
        assertEquals(400, bpe.vocabSize());
        Gpt2Files.save(bpe, dir);
        ByteLevelBpe back = ByteLevelBpe.load(dir);
        String probe = "To be, or not to be: that is the question. Zoë 😀";
        assertArrayEquals(bpe.encode(probe), back.encode(probe));
        assertEquals(probe, back.decode(back.encode(probe)));
        assertEquals(bpe.specialTokens(), back.specialTokens());
        // Learned merges shorten Shakespeare: fewer tokens than bytes.
        assertEquals(true, bpe.encode(text).length < text.length() * 0.6);
    }
}
