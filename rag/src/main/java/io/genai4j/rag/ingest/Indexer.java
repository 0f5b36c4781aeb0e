package io.genai4j.rag.ingest;

import io.genai4j.rag.embed.Embedder;
import io.genai4j.rag.index.ChunkStore;
import io.genai4j.rag.load.Document;
import io.genai4j.rag.split.Chunk;
import io.genai4j.rag.split.Splitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings an index up to date with documents handed to it one by one ({@link #add}), then
 * {@link #finish}. Changed and new documents are collected until a batch holds
 * {@code batchChunks} chunks; the batch is embedded, written (each document's chunks replaced as a
 * whole) and committed. A crash therefore loses at most the current batch, and a re-run finds the
 * committed documents unchanged by digest and goes on from there. The index is local or a SolrCloud
 * collection, behind {@link ChunkStore}.
 */
public final class Indexer {
    public static final int DEFAULT_BATCH_CHUNKS = 256;

    private final ChunkStore index;
    private final Embedder embedder;
    private final Splitter splitter;
    private final IndexListener listener;
    private final int batchChunks;
    private final Map<String, String> known;
    private final Set<String> seen = new HashSet<>();
    private final List<Document> pendingDocs = new ArrayList<>();
    private final List<Chunk> pendingChunks = new ArrayList<>();
    private final long start = System.nanoTime();
    private int added, updated, unchanged, chunks;
    private long embedNanos;

    public Indexer(ChunkStore index, Embedder embedder, Splitter splitter, IndexListener listener, int batchChunks) throws IOException {
        if (batchChunks < 1) throw new IllegalArgumentException("batch must hold at least 1 chunk, got " + batchChunks);
        if (!embedder.name().equals(index.model())) {
            throw new IllegalArgumentException("the index is for " + index.model() + ", the embedder is " + embedder.name());
        }
        this.index = index;
        this.embedder = embedder;
        this.splitter = splitter;
        this.listener = listener;
        this.batchChunks = batchChunks;
        this.known = index.sources();
    }

    /** Queues a document unless the index already has it with the same content. */
    public void add(Document doc) {
        if (!seen.add(doc.source())) throw new IllegalArgumentException("two documents with the source " + doc.source());
        String digest = doc.digest();
        String before = known.get(doc.source());
        if (digest.equals(before)) {
            unchanged++;
            listener.unchanged(doc.source());
            return;
        }
        if (before == null) added++;
        else updated++;
        pendingDocs.add(doc);
        pendingChunks.addAll(splitter.split(doc));
        if (pendingChunks.size() >= batchChunks) flush();
    }

    /**
     * Writes the last batch; with {@code deleteMissing}, deletes every indexed source not added in
     * this run (the corpus is the whole truth); commits.
     */
    public IndexStats finish(boolean deleteMissing) throws IOException {
        flush();
        int deleted = 0;
        if (deleteMissing) {
            for (String source : known.keySet()) {
                if (seen.contains(source)) continue;
                index.delete(source);
                listener.deleted(source);
                deleted++;
            }
            index.commit();
        }
        return new IndexStats(added, updated, unchanged, deleted, chunks, embedNanos, System.nanoTime() - start);
    }

    private void flush() {
        if (pendingDocs.isEmpty()) return;
        try {
            List<String> texts = new ArrayList<>(pendingChunks.size());
            for (Chunk c : pendingChunks) texts.add(c.indexedText());
            long t0 = System.nanoTime();
            float[][] vectors = embedder.passages(texts, null);
            embedNanos += System.nanoTime() - t0;
            int at = 0;
            for (Document d : pendingDocs) {
                int from = at;
                while (at < pendingChunks.size() && pendingChunks.get(at).source().equals(d.source())) at++;
                index.replace(d.source(), d.digest(), pendingChunks.subList(from, at), Arrays.copyOfRange(vectors, from, at));
            }
            index.commit();
            chunks += pendingChunks.size();
            listener.committed(pendingDocs.size(), pendingChunks.size(), chunks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            pendingDocs.clear();
            pendingChunks.clear();
        }
    }
}
