package io.genai4j.rag.solr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genai4j.rag.index.Filter;
import java.util.List;
import org.apache.solr.client.solrj.SolrQuery;
import org.junit.jupiter.api.Test;

/** The requests of the searches: user text and filter values as parameters, never as query syntax. */
class SolrQueriesTest {
    @Test
    void bm25EscapesTheQuestionAndPassesItAsAParameter() {
        SolrQuery q = SolrQueries.bm25("cats AND (dogs} OR -mice", 7, Filter.NONE);
        assertEquals("{!lucene df=body q.op=OR sow=false v=$qq}", q.getQuery());
        assertEquals("cats\\ AND\\ \\(dogs\\}\\ OR\\ \\-mice", q.get("qq"));
        assertEquals(7, q.getRows());
        assertEquals("score desc,id asc", q.getSortField());
        assertEquals(null, q.getFilterQueries());
    }

    @Test
    void filtersBecomeTermAndPrefixFilterQueriesWithTheirValuesApart() {
        SolrQuery q = SolrQueries.bm25("x", 3, Filter.parse(List.of("source=docs/a b}*", "type=md")));
        assertArrayEquals(new String[] {"{!prefix f=source v=$fq0}", "{!term f=type v=$fq1}"}, q.getFilterQueries());
        assertEquals("docs/a b}", q.get("fq0"));
        assertEquals("md", q.get("fq1"));
    }

    @Test
    void knnCarriesTheExactFloats() {
        float[] v = {0.1f, -1e-8f, 1f / 3};
        SolrQuery q = SolrQueries.knn(v, 5, Filter.NONE);
        String literal = q.getQuery().substring(q.getQuery().indexOf('}') + 1);
        assertEquals("{!knn f=vector topK=5}", q.getQuery().substring(0, q.getQuery().indexOf('}') + 1));
        String[] parts = literal.substring(1, literal.length() - 1).split(",");
        for (int i = 0; i < v.length; i++) assertEquals(v[i], Float.parseFloat(parts[i]));
    }
}
