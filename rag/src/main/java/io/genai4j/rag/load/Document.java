package io.genai4j.rag.load;

import io.genai4j.engine.util.Digests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * A loaded document: where it came from (a path relative to the corpus root, or any id), its title,
 * and its blocks in reading order.
 */
public record Document(String source, String title, List<Block> blocks) {
    public Document {
        blocks = List.copyOf(blocks);
    }

    /**
     * SHA-256 over title and blocks: the index re-embeds a document only when this changes. Fields
     * are length-prefixed, so moving text between blocks changes the digest too.
     */
    public String digest() {
        MessageDigest md = Digests.of("SHA-256");
        feed(md, title);
        for (Block b : blocks) {
            feed(md, b.heading());
            feed(md, b.text());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void feed(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
        md.update(b);
    }

    /** The blocks' text, paragraphs separated by blank lines. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks) {
            if (!sb.isEmpty()) sb.append("\n\n");
            sb.append(b.text());
        }
        return sb.toString();
    }
}
