/**
 * Passage and query embeddings from the project's BERT encoders ({@link io.genai4j.models.bert.BertEncoder}:
 * all-MiniLM-L6-v2, BGE small): batched, on all cores, unit length, with the instruction prefix BGE
 * puts before queries (not before passages).
 */
package io.genai4j.rag.embed;
