/**
 * Retrieval evaluation on SQuAD v1.1 dev: its paragraphs are the corpus, its questions the queries,
 * each question's own paragraph the one relevant item. Recall@1/5/10 and MRR per retriever (BM25,
 * dense per encoder, hybrid by RRF), indexing throughput, query latency percentiles and index size.
 */
package io.genai4j.rag.eval;
