package io.genai4j.rag.load;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * The words of a Markdown node without markup: link and emphasis text kept, link targets and raw
 * HTML dropped, code kept verbatim; paragraphs (of list items, quotes) end a line.
 */
final class MarkdownText extends AbstractVisitor {
    private final StringBuilder out = new StringBuilder();

    static String of(Node node) {
        MarkdownText t = new MarkdownText();
        node.accept(t);
        return t.out.toString().replaceAll("[ \\t]*\\n[ \\t\\n]*", "\n").strip();
    }

    @Override
    public void visit(Text text) {
        out.append(text.getLiteral());
    }

    @Override
    public void visit(Code code) {
        out.append(code.getLiteral());
    }

    @Override
    public void visit(SoftLineBreak b) {
        out.append(' ');
    }

    @Override
    public void visit(HardLineBreak b) {
        out.append('\n');
    }

    @Override
    public void visit(Paragraph p) {
        visitChildren(p);
        out.append('\n');
    }

    @Override
    public void visit(FencedCodeBlock c) {
        out.append(c.getLiteral()).append('\n');
    }

    @Override
    public void visit(IndentedCodeBlock c) {
        out.append(c.getLiteral()).append('\n');
    }
}
