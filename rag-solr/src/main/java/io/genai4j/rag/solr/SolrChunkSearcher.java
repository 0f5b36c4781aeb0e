package io.genai4j.rag.solr;

import io.genai4j.engine.util.Printable;
import io.genai4j.rag.index.ChunkSearcher;
import io.genai4j.rag.index.Fields;
import io.genai4j.rag.index.Filter;
import io.genai4j.rag.index.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * The reading side of a Solr collection: the same searches as the local index, each one request that
 * SolrCloud spreads over the shards and merges (BM25 with collection-wide statistics; kNN: each shard's
 * top k, merged by score). Hits carry no local document number ({@link Hit#REMOTE}); MMR's vectors
 * come back by id in one real-time get. Thread-safe as its SolrClient is.
 */
public final class SolrChunkSearcher implements ChunkSearcher {
    private final SolrCollection collection;

    SolrChunkSearcher(SolrCollection collection) {
        this.collection = collection;
    }

    @Override
    public String model() {
        return collection.model();
    }

    @Override
    public List<Hit> bm25(String query, int k, Filter filter) throws IOException {
        return hits(SolrQueries.bm25(query, k, filter));
    }

    @Override
    public List<Hit> dense(float[] query, int k, Filter filter) throws IOException {
        if (query.length != collection.dimension()) {
            throw new IllegalArgumentException("a query of " + query.length + " dims for a collection of " + collection.dimension());
        }
        return hits(SolrQueries.knn(query, k, filter));
    }

    @Override
    public List<float[]> vectors(List<Hit> hits) throws IOException {
        List<String> ids = new ArrayList<>(hits.size());
        for (Hit h : hits) ids.add(h.chunk().id());
        Map<String, float[]> byId = new HashMap<>();
        try {
            ModifiableSolrParams fl = new ModifiableSolrParams().set("fl", Fields.ID + "," + Fields.VECTOR);
            for (SolrDocument d : collection.client().getById(collection.name(), ids, fl)) {
                byId.put(d.getFirstValue(Fields.ID).toString(), SolrDocs.vector(d));
            }
        } catch (SolrServerException | IOException e) {
            throw SolrFailure.of(collection.client(), "getting vectors from " + collection.name(), e);
        }
        List<float[]> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            float[] v = byId.get(id);
            if (v == null) throw new IOException(collection.name() + ": chunk " + Printable.of(id) + " is gone");
            out.add(v);
        }
        return out;
    }

    /** Chunks in the collection (committed). */
    public long size() throws IOException {
        SolrQuery q = new SolrQuery("*:*").setRows(0);
        try {
            return collection.client().query(collection.name(), q).getResults().getNumFound();
        } catch (SolrServerException | IOException e) {
            throw SolrFailure.of(collection.client(), "counting the chunks of " + collection.name(), e);
        }
    }

    private List<Hit> hits(SolrQuery q) throws IOException {
        try {
            // POST: a query vector of a few hundred floats does not fit every server's URL limit.
            List<Hit> out = new ArrayList<>();
            for (SolrDocument d : collection.client().query(collection.name(), q, SolrRequest.METHOD.POST).getResults()) {
                out.add(new Hit(SolrDocs.chunk(d), ((Number) d.getFieldValue("score")).doubleValue(), Hit.REMOTE));
            }
            return out;
        } catch (SolrServerException | IOException e) {
            throw SolrFailure.of(collection.client(), "searching " + collection.name(), e);
        }
    }
}
