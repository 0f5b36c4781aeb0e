/**
 * One Lucene 10 index holding, per chunk, a BM25 text field and a {@link org.apache.lucene.document.KnnFloatVectorField}
 * (HNSW, dot product of unit vectors), with the chunk's metadata as exact-match fields for filters.
 * {@link io.genai4j.rag.index.RagIndex} writes it (documents replaced whole, by source; content digests
 * make re-indexing incremental; a Lucene commit per batch makes it crash-safe), and
 * {@link io.genai4j.rag.index.RagSearcher} reads it: BM25, dense kNN, and vectors for MMR.
 */
package io.genai4j.rag.index;
