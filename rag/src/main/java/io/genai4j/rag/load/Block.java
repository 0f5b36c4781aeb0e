package io.genai4j.rag.load;

/**
 * One paragraph-like unit of a document (a paragraph, a list item, a code block, a PDF paragraph)
 * and the trail of headings above it ("Install › Build"; empty before the first heading).
 */
public record Block(String heading, String text) {
    public Block {
        if (heading == null || text == null) throw new IllegalArgumentException("a block needs a heading (may be empty) and text");
    }
}
