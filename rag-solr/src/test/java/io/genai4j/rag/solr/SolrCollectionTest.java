package io.genai4j.rag.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The config set a collection is made from: the model and dimension filled in, the model's name escaped for XML. */
class SolrCollectionTest {
    @Test
    void theConfigSetNamesTheModelAndTheDimension() throws Exception {
        Map<String, String> files = unzip(SolrCollection.configZip("models/a&b \"v2\"", 384));
        assertEquals(Set.of("solrconfig.xml", "schema.xml"), files.keySet());
        String schema = files.get("schema.xml");
        assertTrue(schema.contains("<schema name=\"models/a&amp;b &quot;v2&quot;\""), schema);
        assertTrue(schema.contains("vectorDimension=\"384\""), schema);
        assertFalse(schema.contains("@MODEL@") || schema.contains("@DIMENSION@"), schema);
        assertTrue(files.get("solrconfig.xml").contains("ExactStatsCache"), "BM25 over shards needs collection-wide statistics");
    }

    @Test
    void aUrlThatIsNotHttpIsAUserError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SolrCollection.connect("localhost:8983/solr"));
        assertTrue(e.getMessage().contains("http://"), e.getMessage());
    }

    @Test
    void aRefusedConnectionSaysWhereAndWhy() {
        try (var client = SolrCollection.connect("http://127.0.0.1:9/solr")) {
            IOException e = assertThrows(IOException.class, () -> SolrCollection.open(client, "c"));
            assertTrue(e.getMessage().startsWith("opening the collection c at http://127.0.0.1:9/solr: "), e.getMessage());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return out;
    }
}
