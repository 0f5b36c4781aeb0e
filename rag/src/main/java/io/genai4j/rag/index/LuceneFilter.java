package io.genai4j.rag.index;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** A {@link Filter} as a Lucene query; apart from the Filter so that the Filter itself needs no Lucene. */
final class LuceneFilter {
    private LuceneFilter() {}

    /** The query every condition of the filter must match, or null for none. */
    static Query of(Filter filter) {
        if (filter.conditions().isEmpty()) return null;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Filter.Condition c : filter.conditions()) {
            Term t = new Term(c.field(), c.value());
            b.add(c.prefix() ? new PrefixQuery(t) : new TermQuery(t), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }
}
