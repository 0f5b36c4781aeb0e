package io.genai4j.rag.index;

/**
 * The field names of a chunk document (the local index and the SolrCloud schema use the same ones), and
 * the commit data keys of a local index.
 */
public final class Fields {
    private Fields() {}

    public static final String ID = "id";
    public static final String SOURCE = "source";
    public static final String TITLE = "title";
    public static final String HEADING = "heading";
    public static final String POSITION = "position";
    /** The chunk's own text (stored; what answers quote). */
    public static final String TEXT = "text";
    /** Title, heading and text, analyzed for BM25 (not stored). */
    public static final String BODY = "body";
    /** The file kind: the source's extension in lower case ("md", "pdf"), empty without one. */
    public static final String TYPE = "type";
    /** The document's content digest, on each of its chunks. */
    public static final String DIGEST = "digest";
    public static final String VECTOR = "vector";

    static final String MODEL_KEY = "genai4j.rag.model";
    static final String DIMENSION_KEY = "genai4j.rag.dimension";
}
