package io.genai4j.rag.load;

import java.io.IOException;
import java.util.Locale;

/** Turns the bytes of one file into a {@link Document}. */
public interface Loader {
    /**
     * @param source the document's name in the corpus (its path relative to the root)
     * @param bytes  the file's content
     * @throws IOException when the content is not a valid file of this kind
     */
    Document load(String source, byte[] bytes) throws IOException;

    /** The loader for a file name by its extension, or null for a kind that is not read. */
    static Loader forName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? "" : n.substring(dot + 1);
        return switch (ext) {
            case "txt", "text", "rst", "adoc" -> new TextLoader();
            case "md", "markdown" -> new MarkdownLoader();
            case "html", "htm", "xhtml" -> new HtmlLoader();
            case "pdf" -> new PdfLoader();
            default -> null;
        };
    }

    /** The file name without folders and extension: the title of a document that names none. */
    static String baseName(String source) {
        String n = source.substring(source.lastIndexOf('/') + 1);
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
