package io.genai4j.rag.ingest;

/**
 * What an indexing run did.
 *
 * @param added      documents new to the index
 * @param updated    documents whose content changed
 * @param unchanged  documents skipped by digest
 * @param deleted    sources removed because they left the corpus
 * @param chunks     chunks embedded and written
 * @param embedNanos time spent embedding
 * @param totalNanos wall time of the run
 */
public record IndexStats(int added, int updated, int unchanged, int deleted, int chunks, long embedNanos, long totalNanos) {
    /** Chunks embedded and written per second of the whole run. */
    public double chunksPerSecond() {
        return totalNanos == 0 ? 0 : chunks / (totalNanos / 1e9);
    }
}
