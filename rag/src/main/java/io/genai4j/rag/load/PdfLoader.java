package io.genai4j.rag.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF through Apache PDFBox: the text of each page, cut into paragraphs where PDFBox sees them,
 * each block under the heading "page N". The title is the document information's, else the file
 * name. A PDF without a text layer (a scan) yields no blocks.
 */
public final class PdfLoader implements io.genai4j.rag.load.Loader {
    private static final String PARAGRAPH_END = "\u2029";

    @Override
    public Document load(String source, byte[] bytes) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setParagraphEnd(PARAGRAPH_END);
            List<Block> blocks = new ArrayList<>();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                for (String para : stripper.getText(pdf).split(PARAGRAPH_END)) {
                    String t = para.strip().replaceAll("\\s*\\R\\s*", " ");
                    if (!t.isEmpty()) blocks.add(new Block("page " + page, t));
                }
            }
            String title = pdf.getDocumentInformation().getTitle();
            return new Document(source, title != null && !title.isBlank() ? title.strip() : io.genai4j.rag.load.Loader.baseName(source), blocks);
        } catch (IOException e) {
            throw new IOException(source + ": not a readable PDF (" + e.getMessage() + ")", e);
        }
    }
}
