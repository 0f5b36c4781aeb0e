package io.genai4j.rag.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.models.bert.BundledModel;
import io.genai4j.rag.load.Block;
import io.genai4j.rag.load.Document;
import io.genai4j.text.wordpiece.WordPieceTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class SplitterTest {
    /** One token per whitespace-separated word: makes expected chunks easy to write by hand. */
    static final ToIntFunction<String> WORDS = s -> s.isBlank() ? 0 : s.strip().split("\\s+").length;

    static String sentences(String prefix, int n, int wordsEach) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add((prefix + i + " w").repeat(1) + " x".repeat(wordsEach - 2) + ".");
        return String.join(" ", out);
    }

    @Test
    void wholeParagraphsArePackedWhileTheyFitAndSectionsNeverMix() {
        Document d = new Document("d.md", "", List.of(new Block("A", "one two three."), new Block("A", "four five."),
                new Block("A", "six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen."), new Block("B", "other section.")));
        List<Chunk> c = new Splitter(WORDS, 16, 0).split(d);
        assertEquals(List.of("one two three.\n\nfour five.", "six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen.", "other section."),
                c.stream().map(Chunk::text).toList());
        assertEquals(List.of("A", "A", "B"), c.stream().map(Chunk::heading).toList());
        assertEquals(List.of(0, 1, 2), c.stream().map(Chunk::position).toList());
    }

    @Test
    void aLongParagraphIsCutAtSentencesWithTheLastSentencesRepeatedAsOverlap() {
        String para = sentences("S", 6, 5);   // six sentences of five words
        Document d = new Document("d.txt", "", List.of(new Block("", para)));
        List<Chunk> c = new Splitter(WORDS, 16, 5).split(d);
        // 16 tokens hold three sentences; each next chunk starts with the previous chunk's last sentence.
        assertEquals(List.of("S0 w x x x. S1 w x x x. S2 w x x x.", "S2 w x x x. S3 w x x x. S4 w x x x.", "S4 w x x x. S5 w x x x."),
                c.stream().map(Chunk::text).toList());
    }

    @Test
    void aSentenceLongerThanAChunkIsCutAtWords() {
        String sentence = "w ".repeat(40).strip() + ".";
        List<Chunk> c = new Splitter(WORDS, 16, 0).split(new Document("d.txt", "", List.of(new Block("", sentence))));
        assertEquals(3, c.size());
        for (Chunk ch : c) assertTrue(WORDS.applyAsInt(ch.text()) <= 16, ch.text());
        assertEquals(40, c.stream().mapToInt(ch -> WORDS.applyAsInt(ch.text())).sum());
    }

    @Test
    void theTitleAndHeadingCountAgainstTheChunkSize() {
        Document d = new Document("d.md", "Big Title", List.of(new Block("Head", sentences("S", 4, 4))));
        for (Chunk ch : new Splitter(WORDS, 16, 0).split(d)) {
            assertTrue(WORDS.applyAsInt(ch.indexedText()) <= 16, ch.indexedText());
            assertTrue(ch.indexedText().startsWith("Big Title › Head\n"), ch.indexedText());
        }
    }

    @Test
    void everyChunkFitsTheEncoderInItsOwnWordPiecesAndNoTextIsLost() throws Exception {
        WordPieceTokenizer tok = WordPieceTokenizer.fromTokenizerJson(BundledModel.MINILM.tokenizerJson());
        StringBuilder para = new StringBuilder();
        for (int i = 0; i < 60; i++) para.append("Sentence number ").append(i).append(" talks about tokenization, embeddings and Lucene's HNSW graphs. ");
        Document d = new Document("doc.md", "Retrieval", List.of(new Block("Intro", "A short opening."), new Block("Intro", para.toString().strip()),
                new Block("Other", "Closing words.")));
        Splitter s = Splitter.of(tok, 128, 30);
        List<Chunk> chunks = s.split(d);
        assertTrue(chunks.size() > 5, chunks.size() + " chunks");
        String all = String.join(" ", chunks.stream().map(Chunk::text).toList());
        for (int i = 0; i < 60; i++) assertTrue(all.contains("Sentence number " + i + " "), "sentence " + i + " kept");
        for (Chunk c : chunks) assertTrue(tok.tokenize(c.indexedText()).length <= 128, c.indexedText());
        int overlapping = 0;
        for (int i = 1; i < chunks.size(); i++) {
            String prev = chunks.get(i - 1).text(), cur = chunks.get(i).text();
            if (chunks.get(i).heading().equals(chunks.get(i - 1).heading()) && prev.endsWith(cur.substring(0, cur.indexOf('.') + 1))) overlapping++;
        }
        assertTrue(overlapping >= chunks.size() - 3, overlapping + " of " + chunks.size() + " chunks start with their predecessor's last sentence");
    }

    @Test
    void aHeadingTrailThatStartsWithTheTitleDoesNotRepeatIt() {
        assertEquals("Tea › Brewing", new Chunk("t.md", "Tea", "Tea › Brewing", 0, "x").context());
        assertEquals("Tea", new Chunk("t.md", "Tea", "Tea", 0, "x").context());
        assertEquals("Tea › Teapots", new Chunk("t.md", "Tea", "Teapots", 0, "x").context());
        assertEquals("Tea › Teapots\nx", new Chunk("t.md", "Tea", "Teapots", 0, "x").indexedText());
        assertEquals("x", new Chunk("t.md", "", "", 0, "x").indexedText());
    }

    @Test
    void settingsOutsideTheirRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Splitter(WORDS, 8, 0));
        assertThrows(IllegalArgumentException.class, () -> new Splitter(WORDS, 100, 50));
        assertThrows(IllegalArgumentException.class, () -> new Splitter(WORDS, 100, -1));
    }
}
