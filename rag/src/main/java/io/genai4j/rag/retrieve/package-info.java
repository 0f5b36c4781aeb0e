/**
 * Retrieval over a RAG index: BM25, dense, or hybrid by reciprocal rank fusion of the two, with
 * optional maximal marginal relevance to diversify the final list. The fusion is a function of
 * rankings alone, so the evaluation fuses any set of retrievers the same way.
 */
package io.genai4j.rag.retrieve;
