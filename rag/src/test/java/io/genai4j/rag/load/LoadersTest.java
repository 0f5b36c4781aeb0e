package io.genai4j.rag.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class LoadersTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void plainTextParagraphsAreBlocksWithLinesJoined() throws Exception {
        Document d = new TextLoader().load("notes/a.txt", utf8("First line\nstill first.\n\n\nSecond paragraph.\r\n  \r\nThird."));
        assertEquals("a", d.title());
        assertEquals(List.of("First line still first.", "Second paragraph.", "Third."), d.blocks().stream().map(Block::text).toList());
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNamingTheFile() {
        var e = assertThrows(java.io.IOException.class, () -> new TextLoader().load("bin.txt", new byte[] {(byte) 0xff, (byte) 0xfe, 0x00}));
        assertTrue(e.getMessage().contains("bin.txt"), e.getMessage());
    }

    @Test
    void markdownKeepsTheHeadingTrailAndTakesTheFirstH1AsTitle() throws Exception {
        String md = """
                Intro before any heading.

                # Guide

                Welcome to the [guide](http://x).

                ## Install

                - one
                - two

                ### Build

                ```
                ./mvnw install
                ```

                ## Run

                Run it.
                """;
        Document d = new MarkdownLoader().load("docs/guide.md", utf8(md));
        assertEquals("Guide", d.title());
        List<Block> b = d.blocks();
        assertEquals(new Block("", "Intro before any heading."), b.get(0));
        assertEquals(new Block("Guide", "Welcome to the guide."), b.get(1));
        assertEquals("Guide › Install", b.get(2).heading());
        assertTrue(b.get(2).text().contains("one") && b.get(2).text().contains("two"), b.get(2).text());
        assertEquals(new Block("Guide › Install › Build", "./mvnw install"), b.get(3));
        assertEquals(new Block("Guide › Run", "Run it."), b.get(4));   // a level-2 heading drops Install and Build
        assertEquals(5, b.size());
    }

    @Test
    void htmlDropsScriptsAndNavAndTakesOutermostBlocks() throws Exception {
        String html = """
                <html><head><title>The Page</title><script>var secret = 1;</script></head><body>
                <nav><p>menu item</p></nav>
                <h1>Top</h1><p>Para <b>one</b>.</p>
                <h2>Sub</h2><ul><li><p>item in p</p></li><li>plain item</li></ul>
                <pre>code
                  kept</pre>
                </body></html>""";
        Document d = new HtmlLoader().load("site/index.html", utf8(html));
        assertEquals("The Page", d.title());
        assertEquals(List.of(new Block("Top", "Para one."), new Block("Top › Sub", "item in p"), new Block("Top › Sub", "plain item")),
                d.blocks().subList(0, 3));
        assertTrue(d.blocks().get(3).text().contains("code\n"), "pre keeps its line breaks: " + d.blocks().get(3));
        assertTrue(d.blocks().stream().noneMatch(x -> x.text().contains("secret") || x.text().contains("menu")), d.blocks().toString());
    }

    @Test
    void pdfPagesBecomeBlocksUnderPageHeadings() throws Exception {
        Document d = new PdfLoader().load("papers/p.pdf", pdf("A Small Paper", "Lucene stores postings.", "HNSW graphs find neighbours."));
        assertEquals("A Small Paper", d.title());
        assertEquals(List.of(new Block("page 1", "Lucene stores postings."), new Block("page 2", "HNSW graphs find neighbours.")), d.blocks());
    }

    @Test
    void aBrokenPdfIsAnIoErrorNamingTheFile() {
        var e = assertThrows(java.io.IOException.class, () -> new PdfLoader().load("bad.pdf", utf8("%PDF-1.7 this is not a pdf")));
        assertTrue(e.getMessage().startsWith("bad.pdf"), e.getMessage());
    }

    @Test
    void loadersAreChosenByExtension() {
        assertTrue(Loader.forName("A.MD") instanceof MarkdownLoader);
        assertTrue(Loader.forName("x.htm") instanceof HtmlLoader);
        assertTrue(Loader.forName("x.pdf") instanceof PdfLoader);
        assertTrue(Loader.forName("x.txt") instanceof TextLoader);
        assertNull(Loader.forName("x.png"));
        assertNull(Loader.forName("Makefile"));
    }

    @Test
    void theDigestChangesWithAnyTextAndNotOtherwise() {
        Document a = new Document("s", "t", List.of(new Block("h", "ab"), new Block("h", "c")));
        assertEquals(a.digest(), new Document("other source", "t", a.blocks()).digest());
        assertTrue(!a.digest().equals(new Document("s", "t", List.of(new Block("h", "a"), new Block("h", "bc"))).digest()));
        assertTrue(!a.digest().equals(new Document("s", "T", a.blocks()).digest()));
    }

    /** A real PDF written by PDFBox: one page per text, Helvetica. */
    static byte[] pdf(String title, String... pages) throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getDocumentInformation().setTitle(title);
            for (String text : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    cs.newLineAtOffset(72, 700);
                    cs.showText(text);
                    cs.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
