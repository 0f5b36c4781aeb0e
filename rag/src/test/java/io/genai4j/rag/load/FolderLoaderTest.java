package io.genai4j.rag.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderLoaderTest {
    @TempDir
    Path tmp;

    /** Records the listener's events. */
    static final class Events implements LoadListener {
        final List<String> skipped = new ArrayList<>();
        final List<String> loaded = new ArrayList<>();

        @Override
        public void loaded(Path file, Document d) {
            loaded.add(d.source());
        }

        @Override
        public void skipped(Path file, String reason) {
            skipped.add(file.getFileName() + ": " + reason);
        }
    }

    @Test
    void readsRecursivelySkipsWhatItMustAndReportsEachSkip() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(root.resolve("a.txt"), "Alpha.");
        Files.createDirectories(root.resolve("sub/deeper"));
        Files.writeString(root.resolve("sub/b.md"), "# Bee\n\nBuzz.");
        Files.writeString(root.resolve("sub/deeper/c.html"), "<p>Sea.</p>");
        Files.write(root.resolve("sub/broken.pdf"), "%PDF-1.4 garbage".getBytes());
        Files.writeString(root.resolve("big.txt"), "x".repeat(2000));
        Files.writeString(root.resolve("image.png"), "not read");                    // no loader: passed over silently
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(".git/HEAD.txt"), "hidden");                  // hidden folder: not entered
        Path outside = Files.writeString(tmp.resolve("secret.txt"), "Outside the root.");
        Files.createSymbolicLink(root.resolve("escape.txt"), outside);                // a link out of the root
        Files.createSymbolicLink(root.resolve("alias.txt"), root.resolve("a.txt"));   // a link inside the root
        Files.createSymbolicLink(root.resolve("sub/loop"), root);                     // a linked folder: not entered

        Events ev = new Events();
        List<Document> docs = new FolderLoader(1000, 1 << 20, ev).load(root);

        assertEquals(List.of("a.txt", "alias.txt", "sub/b.md", "sub/deeper/c.html"), docs.stream().map(Document::source).toList());
        assertEquals(ev.loaded, docs.stream().map(Document::source).toList());
        assertEquals("Bee", docs.get(2).title());
        assertEquals(3, ev.skipped.size(), ev.skipped.toString());
        assertTrue(ev.skipped.stream().anyMatch(s -> s.startsWith("big.txt: larger than the limit of 1000 bytes")), ev.skipped.toString());
        assertTrue(ev.skipped.stream().anyMatch(s -> s.startsWith("broken.pdf: sub/broken.pdf: not a readable PDF")), ev.skipped.toString());
        assertTrue(ev.skipped.stream().anyMatch(s -> s.startsWith("escape.txt: a link out of the root")), ev.skipped.toString());
    }

    @Test
    void theTotalLimitStopsReadingButNotTheWalk() throws Exception {
        for (String n : List.of("1.txt", "2.txt", "3.txt")) Files.writeString(tmp.resolve(n), "y".repeat(400));
        Events ev = new Events();
        List<Document> docs = new FolderLoader(1000, 900, ev).load(tmp);
        assertEquals(2, docs.size());
        assertEquals(List.of("3.txt: over the total limit of 900 bytes"), ev.skipped);
    }

    @Test
    void aSingleFileIsACorpusOfOne() throws Exception {
        Path f = Files.writeString(tmp.resolve("one.md"), "Just this.");
        List<Document> docs = new FolderLoader(LoadListener.NONE).load(f);
        assertEquals(1, docs.size());
        assertEquals("one.md", docs.getFirst().source());
    }
}
