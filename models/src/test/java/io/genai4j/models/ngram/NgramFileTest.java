package io.genai4j.models.ngram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.text.Corpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged n-gram model file is one IOException naming the file and what is wrong, found when the
 * file is read, never an index out of bounds when the model is used, and never an allocation far
 * beyond the data the file holds.
 */
class NgramFileTest {
    private static final Corpus TOY = new Corpus("toy", "the cat sat on the mat.\nthe dog sat on the log.\n".repeat(20) + "the cat ate.\n");

    @TempDir
    Path dir;

    private String damaged(Unit unit, Consumer<NgramCounts> damage) throws IOException {
        NgramModel m = NgramModel.train(TOY, unit, 3);
        damage.accept(m.counts());
        Path file = dir.resolve("damaged.ngram");
        NgramFile.save(m, file);
        return assertThrows(IOException.class, () -> NgramFile.load(file)).getMessage();
    }

    @Test
    void aDamagedTrieIsRefusedWithItsReason() throws IOException {
        Path file = dir.resolve("damaged.ngram");
        assertEquals(file + " is damaged: node 5 has token 1000000, outside the vocabulary of 10", damaged(Unit.WORD, c -> c.token[5] = 1_000_000));
        assertEquals(file + " is damaged: node 3 has a negative count", damaged(Unit.CHAR, c -> c.count[3] = -2));
        assertEquals(file + " is damaged: node 3 has a negative count", damaged(Unit.CHAR, c -> c.continuation[3] = -1));
        assertEquals(file + " is damaged: the children of node 0 are not sorted by token", damaged(Unit.CHAR, c -> {
            int t = c.token[1];
            c.token[1] = c.token[2];
            c.token[2] = t;
        }));
        String outside = damaged(Unit.CHAR, c -> c.firstChild[1] = c.token.length); // the root's children would run into deeper levels
        assertTrue(outside.startsWith(file + " is damaged: node 0 has children [1, ") && outside.contains("), outside [1, "), outside);
        assertTrue(damaged(Unit.WORD, c -> c.levelStart[2] = 0).contains(" is damaged: level 2 starts at 0, before level 1"));
        assertTrue(damaged(Unit.WORD, c -> c.levelStart[1] = 2).contains(" is damaged: the first level must hold the root alone"));
    }

    @Test
    void aDeclaredLengthBeyondTheDataFailsWithoutAllocatingIt() throws IOException {
        NgramModel m = NgramModel.train(TOY, Unit.CHAR, 3);
        Path good = dir.resolve("good.ngram"), bomb = dir.resolve("bomb.ngram");
        NgramFile.save(m, good);
        NgramPayload p = NgramPayload.read(good);
        for (int field : p.lengthFields) {
            NgramPayload.write(bomb, p.withInt(field, 1 << 28)); // 268 million ints = 1 GiB, in a file of a few KB
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            String msg = assertThrows(IOException.class, () -> NgramFile.load(bomb)).getMessage();
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(msg.startsWith(bomb + " is truncated or damaged") || msg.startsWith(bomb + " is damaged"), msg);
            assertTrue(allocated < 64L << 20, "allocated " + allocated + " bytes for a " + Files.size(bomb) + "-byte file");
        }
    }

    @Test
    void aFileThatInflatesFarBeyondItsSizeIsRefused() throws IOException {
        NgramModel m = NgramModel.train(TOY, Unit.CHAR, 3);
        Path good = dir.resolve("good.ngram"), bomb = dir.resolve("zip-bomb.ngram");
        NgramFile.save(m, good);
        NgramPayload p = NgramPayload.read(good);
        int tokens = p.lengthFields.get(2); // vocabulary, level starts, then the tokens' length
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(NgramPayload.MAGIC);
        try (OutputStream z = new DeflaterOutputStream(file)) {
            z.write(p.body, 0, tokens);
            z.write(ByteBuffer.allocate(4).putInt(1 << 28).array());
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 512; i++) z.write(zeros); // 512 MiB of zeros: about half a megabyte deflated
        }
        Files.write(bomb, file.toByteArray());
        assertTrue(Files.size(bomb) < 1 << 20, "the bomb is small: " + Files.size(bomb));
        String msg = assertThrows(IOException.class, () -> NgramFile.load(bomb)).getMessage();
        assertTrue(msg.startsWith(bomb + " is damaged: it inflates to more than "), msg);
    }

    @Test
    void realModelsInflateFarLessThanTheCap() throws IOException {
        Corpus shakespeare = Corpus.tinyShakespeare();
        for (Unit unit : Unit.values()) {
            NgramModel m = NgramModel.train(shakespeare, unit, unit == Unit.CHAR ? 6 : 3);
            Path file = dir.resolve(unit + ".ngram");
            NgramFile.save(m, file);
            double ratio = (double) NgramPayload.read(file).body.length / Files.size(file);
            System.out.printf("%s model: %,d bytes on disk, inflates %.2fx%n", unit, Files.size(file), ratio);
            assertTrue(ratio * 4 < NgramFile.MAX_INFLATION, unit + " inflates " + ratio + "x");
            NgramFile.load(file);
        }
    }

    @Test
    void aMissingFileSaysWhatIsThere() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("models"));
        Files.writeString(folder.resolve("notes.txt"), "x");
        var e = assertThrows(java.nio.file.NoSuchFileException.class, () -> NgramFile.load(folder));
        assertEquals("model file not found: " + folder + " (expected a file from genai ngram train --out FILE, found a folder holding notes.txt)", e.getMessage());
    }

    @Test
    void theCorpusNameFromTheFileIsTerminalSafe() throws IOException {
        NgramModel m = NgramModel.train(new Corpus("\u001b]0;pwned\u0007toy", TOY.text()), Unit.CHAR, 2);
        Path file = dir.resolve("named.ngram");
        NgramFile.save(m, file);
        assertEquals("\\x1b]0;pwned\\x07toy", NgramFile.load(file).corpusName());
    }
}
