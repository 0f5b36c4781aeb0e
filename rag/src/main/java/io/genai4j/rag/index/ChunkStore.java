package io.genai4j.rag.index;

import io.genai4j.rag.split.Chunk;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What the {@link io.genai4j.rag.ingest.Indexer} needs from an index to bring it up to date, whichever
 * holds it: the local Lucene index ({@link RagIndex}) or a SolrCloud collection (the rag-solr module).
 * Only our own types appear here, as in {@link ChunkSearcher}.
 */
public interface ChunkStore {
    /** The embedding model the index's vectors come from. */
    String model();

    /** Source → content digest of every document in the index. */
    Map<String, String> sources() throws IOException;

    /** Replaces every chunk of source with these (none: the source is deleted). Visible after {@link #commit}. */
    void replace(String source, String digest, List<Chunk> chunks, float[][] vectors) throws IOException;

    void delete(String source) throws IOException;

    /** Makes every change so far durable and visible. */
    void commit() throws IOException;

    /** What every store checks before a {@link #replace}: one vector per chunk, of the index's dimension, and every chunk of that source. */
    static void checkReplace(String source, List<Chunk> chunks, float[][] vectors, int dimension) {
        if (vectors.length != chunks.size()) throw new IllegalArgumentException(chunks.size() + " chunks but " + vectors.length + " vectors");
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            if (!c.source().equals(source)) throw new IllegalArgumentException("chunk of " + c.source() + " given for " + source);
            if (vectors[i].length != dimension) throw new IllegalArgumentException("a vector of " + vectors[i].length + " dims for an index of " + dimension);
        }
    }
}
