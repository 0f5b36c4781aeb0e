package io.genai4j.rag.solr;

import io.genai4j.rag.index.Fields;
import io.genai4j.rag.index.Filter;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.util.ClientUtils;

/**
 * The Solr requests of the local index's searches. User text and filter values travel as separate
 * parameters ({@code v=$name}) or escaped, never spliced into query syntax.
 */
final class SolrQueries {
    private SolrQueries() {}

    /**
     * BM25 over the body field: the whole question through the field's analyzer (every character
     * escaped, so no word or sign of it is an operator), each term a SHOULD clause, as the local
     * index's BooleanQuery of the analyzed terms.
     */
    static SolrQuery bm25(String question, int k, Filter filter) {
        SolrQuery q = base(k, filter);
        q.setQuery("{!lucene df=" + Fields.BODY + " q.op=OR sow=false v=$qq}");
        q.set("qq", ClientUtils.escapeQueryChars(question));
        return q;
    }

    /** The k nearest by the collection's similarity; the filters restrict the graph search, as fq on a knn query does in Solr 9. */
    static SolrQuery knn(float[] vector, int k, Filter filter) {
        SolrQuery q = base(k, filter);
        q.setQuery("{!knn f=" + Fields.VECTOR + " topK=" + k + "}" + literal(vector));
        return q;
    }

    /** "[x1,x2,...]" with every float exactly (Float.toString round-trips). */
    static String literal(float[] v) {
        StringBuilder b = new StringBuilder(v.length * 12).append('[');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) b.append(',');
            b.append(v[i]);
        }
        return b.append(']').toString();
    }

    private static SolrQuery base(int k, Filter filter) {
        SolrQuery q = new SolrQuery();
        q.setRows(k);
        // Ties (BM25's one-byte length norms make many) go by chunk id, not by which shard answered first:
        // the same request ranks the same way every time, and RRF, which sees only ranks, fuses the same.
        q.addSort("score", SolrQuery.ORDER.desc);
        q.addSort(Fields.ID, SolrQuery.ORDER.asc);
        q.setFields(SolrDocs.HIT_FIELDS);
        int i = 0;
        for (Filter.Condition c : filter.conditions()) {
            String param = "fq" + i++;
            q.addFilterQuery("{!" + (c.prefix() ? "prefix" : "term") + " f=" + c.field() + " v=$" + param + "}");
            q.set(param, c.value());
        }
        return q;
    }
}
