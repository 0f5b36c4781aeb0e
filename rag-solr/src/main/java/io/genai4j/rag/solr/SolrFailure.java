package io.genai4j.rag.solr;

import java.io.IOException;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.impl.HttpSolrClientBase;

/**
 * A failed request as one sentence: what was being done, on which server, and why. SolrJ's own
 * exceptions often say neither (a refused connection is a bare ConnectException).
 */
final class SolrFailure {
    private SolrFailure() {}

    static IOException of(SolrClient client, String what, Exception e) {
        String where = client instanceof HttpSolrClientBase h ? " at " + h.getBaseURL() : "";
        return new IOException(what + where + ": " + reason(e), e);
    }

    /** The first message along the causes, or the innermost exception's name. */
    static String reason(Throwable e) {
        Throwable last = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) return t.getMessage();
            last = t;
        }
        return last.getClass().getSimpleName();
    }
}
