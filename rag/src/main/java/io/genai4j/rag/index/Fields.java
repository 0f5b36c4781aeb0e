package io.genai4j.rag.index;

/** The Lucene field names of a chunk document, and the commit data keys of an index. */
final class Fields {
    private Fields() {}

    static final String ID = "id";
    static final String SOURCE = "source";
    static final String TITLE = "title";
    static final String HEADING = "heading";
    static final String POSITION = "position";
    /** The chunk's own text (stored; what answers quote). */
    static final String TEXT = "text";
    /** Title, heading and text, analyzed for BM25 (not stored). */
    static final String BODY = "body";
    /** The file kind: the source's extension in lower case ("md", "pdf"), empty without one. */
    static final String TYPE = "type";
    /** The document's content digest, on each of its chunks. */
    static final String DIGEST = "digest";
    static final String VECTOR = "vector";

    static final String MODEL_KEY = "genai4j.rag.model";
    static final String DIMENSION_KEY = "genai4j.rag.dimension";
}
