package io.genai4j.rag.ingest;

/** Events of an indexing run, for a progress display; the library prints nothing itself. */
public interface IndexListener {
    /** A document whose digest matches the index: not re-embedded. */
    default void unchanged(String source) {}

    /** A batch of documents was embedded, written and committed. */
    default void committed(int documents, int chunks, int chunksSoFar) {}

    /** A source no longer in the corpus was deleted. */
    default void deleted(String source) {}

    IndexListener NONE = new IndexListener() {};
}
