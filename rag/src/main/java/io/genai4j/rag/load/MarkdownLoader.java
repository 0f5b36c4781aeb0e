package io.genai4j.rag.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * Markdown through commonmark-java: each top-level node (paragraph, list, code block, quote) is a
 * block under the trail of headings above it; the title is the first level-1 heading, else the
 * file name. Markup is dropped ({@link MarkdownText}).
 */
public final class MarkdownLoader implements Loader {
    private static final Parser PARSER = Parser.builder().build();

    @Override
    public Document load(String source, byte[] bytes) throws IOException {
        Node doc = PARSER.parse(TextLoader.utf8(source, bytes));
        HeadingTrail trail = new HeadingTrail();
        String title = null;
        List<Block> blocks = new ArrayList<>();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            String text = MarkdownText.of(n);
            if (n instanceof Heading h) {
                trail.enter(h.getLevel(), text);
                if (title == null && h.getLevel() == 1) title = text;
            } else if (!text.isEmpty()) {
                blocks.add(new Block(trail.toString(), text));
            }
        }
        return new Document(source, title != null && !title.isEmpty() ? title : Loader.baseName(source), blocks);
    }
}
