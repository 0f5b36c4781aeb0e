package io.genai4j.rag.split;

import java.util.Locale;

/**
 * A piece of a document small enough for the encoder.
 *
 * @param source   the document's source (path relative to the corpus root)
 * @param title    the document's title
 * @param heading  the heading trail of the section the chunk comes from (may be empty)
 * @param position the chunk's index within its document, from 0
 * @param text     the chunk's text
 */
public record Chunk(String source, String title, String heading, int position, String text) {

    /** Unique in an index: source and position. */
    public String id() {
        return source + "#" + position;
    }

    /** The file kind, for filters: the extension of the source's file name in lower case ("md", "pdf"), or "". */
    public String type() {
        String name = source.substring(source.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    /** What is embedded and indexed: the title and heading give a chunk the context its text lacks. */
    public String indexedText() {
        return header(title, heading) + text;
    }

    /** "title › heading", either part may be absent; a heading trail that starts with the title (a Markdown H1) is not repeated. */
    public String context() {
        return context(title, heading);
    }

    static String context(String title, String heading) {
        if (heading.isEmpty()) return title;
        if (title.isEmpty() || heading.equals(title) || heading.startsWith(title + " › ")) return heading;
        return title + " › " + heading;
    }

    /** The context line that starts the indexed text ("" without one). */
    static String header(String title, String heading) {
        String h = context(title, heading);
        return h.isEmpty() ? "" : h + "\n";
    }
}
