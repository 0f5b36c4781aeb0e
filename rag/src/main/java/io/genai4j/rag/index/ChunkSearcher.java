package io.genai4j.rag.index;

import java.io.IOException;
import java.util.List;

/**
 * What the retriever needs from an index, whichever holds it: the local Lucene index
 * ({@link RagSearcher}) or a SolrCloud collection (the rag-solr module). Only our own types appear
 * here, so a backend with another Lucene version implements it without our Lucene on its class path.
 */
public interface ChunkSearcher {
    /** The embedding model the index's vectors come from: queries must be embedded with the same one. */
    String model();

    /** The k best chunks for the query's words by BM25 (none when no word of the query is indexed). */
    List<Hit> bm25(String query, int k, Filter filter) throws IOException;

    /** The k nearest chunks to a unit query vector (cosine = dot product), the filter applied during the search. */
    List<Hit> dense(float[] query, int k, Filter filter) throws IOException;

    /** The stored vectors of hits this searcher returned, in their order (for MMR). */
    List<float[]> vectors(List<Hit> hits) throws IOException;
}
