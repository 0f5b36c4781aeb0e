package io.genai4j.rag.solr;

import io.genai4j.rag.index.Fields;
import io.genai4j.rag.split.Chunk;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/** Chunks to Solr documents and back, field for field as the local index stores them. */
final class SolrDocs {
    /** The stored fields a hit needs, and its score. */
    static final String HIT_FIELDS = String.join(",", Fields.ID, Fields.SOURCE, Fields.TITLE, Fields.HEADING, Fields.POSITION, Fields.TEXT, "score");

    private SolrDocs() {}

    static SolrInputDocument input(Chunk c, String digest, float[] vector) {
        SolrInputDocument d = new SolrInputDocument();
        d.addField(Fields.ID, c.id());
        d.addField(Fields.SOURCE, c.source());
        d.addField(Fields.TITLE, c.title());
        d.addField(Fields.HEADING, c.heading());
        d.addField(Fields.POSITION, c.position());
        d.addField(Fields.TEXT, c.text());
        d.addField(Fields.BODY, c.indexedText());
        d.addField(Fields.TYPE, c.type());
        d.addField(Fields.DIGEST, digest);
        List<Float> v = new ArrayList<>(vector.length);
        for (float x : vector) v.add(x);
        d.setField(Fields.VECTOR, v);
        return d;
    }

    static Chunk chunk(SolrDocument d) {
        return new Chunk(string(d, Fields.SOURCE), string(d, Fields.TITLE), string(d, Fields.HEADING),
                ((Number) d.getFirstValue(Fields.POSITION)).intValue(), string(d, Fields.TEXT));
    }

    /** The stored vector of a document (Solr returns it as a list of numbers). */
    static float[] vector(SolrDocument d) {
        Object v = d.getFieldValue(Fields.VECTOR);
        if (!(v instanceof List<?> list)) throw new IllegalStateException("chunk " + d.getFieldValue(Fields.ID) + " has no stored vector");
        float[] out = new float[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) list.get(i)).floatValue();
        return out;
    }

    /** A stored string; Solr leaves out an empty one's field in some response formats, so absent is "". */
    private static String string(SolrDocument d, String field) {
        Object v = d.getFirstValue(field);
        return v == null ? "" : v.toString();
    }
}
