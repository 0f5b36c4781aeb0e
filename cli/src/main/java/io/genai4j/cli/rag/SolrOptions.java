package io.genai4j.cli.rag;

import io.genai4j.rag.solr.SolrCollection;
import org.apache.solr.client.solrj.SolrClient;
import picocli.CommandLine.Option;

/** {@code --solr URL --collection NAME}: a SolrCloud collection (the rag-solr module) instead of the local index folder. */
public final class SolrOptions {
    @Option(names = "--solr", paramLabel = "URL", description = "A SolrCloud node, e.g. http://localhost:8983/solr: use its collection instead of --index.")
    String url;
    @Option(names = "--collection", paramLabel = "NAME", defaultValue = "genai-rag", description = "The collection with --solr (default: ${DEFAULT-VALUE}).")
    String collection;

    boolean on() {
        return url != null;
    }

    SolrClient client() {
        return SolrCollection.connect(url);
    }

    /** How the collection is named in reports. */
    String describe() {
        return url + " collection " + collection;
    }
}
