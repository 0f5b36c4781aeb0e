package io.genai4j.rag.solr;

import io.genai4j.rag.index.ChunkStore;
import io.genai4j.rag.index.Fields;
import io.genai4j.rag.split.Chunk;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;

/**
 * The writing side of a Solr collection, with the local index's semantics: a document's chunks are
 * replaced together (its old chunks deleted by source, then the new ones added), each carrying the
 * document's content digest; nothing is visible before {@link #commit}. Chunks travel in batches: the
 * deletes of a batch go in one request before its adds (an update request applies adds first), so
 * a re-indexed document never loses its new chunks. As a {@link ChunkStore} it serves the rag module's
 * Indexer, which makes re-indexing incremental by content digest here as on the local index.
 */
public final class SolrChunkWriter implements ChunkStore {
    /** Documents per page when reading the sources. */
    static final int PAGE = 1000;

    private final SolrCollection collection;
    private final int batch;
    private final Set<String> deletes = new LinkedHashSet<>();
    /** Source → its new chunk documents; a second replace of a source in one batch wins. */
    private final Map<String, List<SolrInputDocument>> adds = new LinkedHashMap<>();
    private int pending;

    SolrChunkWriter(SolrCollection collection, int batch) {
        if (batch < 1) throw new IllegalArgumentException("a batch holds at least one chunk, got " + batch);
        this.collection = collection;
        this.batch = batch;
    }

    @Override
    public String model() {
        return collection.model();
    }

    /** Of the committed chunks (what is pending is not in the collection yet), read page by page with a cursor. */
    @Override
    public Map<String, String> sources() throws IOException {
        Map<String, String> out = new HashMap<>();
        SolrQuery q = new SolrQuery("*:*").setFields(Fields.SOURCE, Fields.DIGEST).setRows(PAGE).addSort(Fields.ID, SolrQuery.ORDER.asc);
        String mark = CursorMarkParams.CURSOR_MARK_START;
        try {
            while (true) {
                q.set(CursorMarkParams.CURSOR_MARK_PARAM, mark);
                QueryResponse r = collection.client().query(collection.name(), q);
                for (SolrDocument d : r.getResults()) out.putIfAbsent(d.getFirstValue(Fields.SOURCE).toString(), String.valueOf(d.getFirstValue(Fields.DIGEST)));
                if (mark.equals(r.getNextCursorMark())) return out;
                mark = r.getNextCursorMark();
            }
        } catch (SolrServerException | IOException e) {
            throw SolrFailure.of(collection.client(), "reading the sources of " + collection.name(), e);
        }
    }

    @Override
    public void replace(String source, String digest, List<Chunk> chunks, float[][] vectors) throws IOException {
        ChunkStore.checkReplace(source, chunks, vectors, collection.dimension());
        List<SolrInputDocument> docs = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) docs.add(SolrDocs.input(chunks.get(i), digest, vectors[i]));
        deletes.add(source);
        List<SolrInputDocument> before = adds.put(source, docs);
        pending += docs.size() - (before == null ? 0 : before.size());
        if (pending >= batch) flush();
    }

    @Override
    public void delete(String source) throws IOException {
        replace(source, "", List.of(), new float[0][]);
    }

    /** Sends what is pending, then commits on every shard. */
    @Override
    public void commit() throws IOException {
        flush();
        try {
            collection.client().commit(collection.name());
        } catch (SolrServerException | IOException e) {
            throw SolrFailure.of(collection.client(), "committing " + collection.name(), e);
        }
    }

    private void flush() throws IOException {
        try {
            if (!deletes.isEmpty()) {
                UpdateRequest del = new UpdateRequest();
                for (String source : deletes) del.deleteByQuery("{!term f=" + Fields.SOURCE + "}" + source);
                del.process(collection.client(), collection.name());
            }
            List<SolrInputDocument> docs = new ArrayList<>(pending);
            for (List<SolrInputDocument> d : adds.values()) docs.addAll(d);
            if (!docs.isEmpty()) new UpdateRequest().add(docs).process(collection.client(), collection.name());
        } catch (SolrServerException | IOException e) {
            throw SolrFailure.of(collection.client(), "sending chunks to " + collection.name(), e);
        }
        deletes.clear();
        adds.clear();
        pending = 0;
    }
}
