/**
 * Keeping an index in step with a corpus: documents are split, embedded in batches and written,
 * with a Lucene commit after each batch; a document whose content digest is unchanged is skipped,
 * and sources that left the corpus are deleted. Progress goes to an {@link io.genai4j.rag.ingest.IndexListener}.
 */
package io.genai4j.rag.ingest;
