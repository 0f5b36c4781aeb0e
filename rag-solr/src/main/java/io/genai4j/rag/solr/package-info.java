/**
 * The RAG retriever against SolrCloud, through SolrJ: when a corpus outgrows one machine, its chunks go
 * into a sharded collection with the local index's fields, analysis and BM25 parameters and an HNSW
 * vector field ({@link io.genai4j.rag.solr.SolrCollection}), are written in batches
 * ({@link io.genai4j.rag.solr.SolrChunkWriter}) and found by BM25 and kNN queries
 * ({@link io.genai4j.rag.solr.SolrChunkSearcher}), which the rag module's
 * {@link io.genai4j.rag.retrieve.Retriever} fuses by RRF on our side exactly as for the local index.
 * Solr brings Lucene 9 and the local index Lucene 10: this module excludes the latter, so only types of
 * our own cross between the two.
 */
package io.genai4j.rag.solr;
