package io.genai4j.rag.solr;

import io.genai4j.engine.util.Printable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.schema.SchemaRequest;
import org.apache.solr.client.solrj.response.SolrResponseBase;
import org.apache.solr.common.util.ContentStreamBase;

/**
 * A SolrCloud collection of chunks: its config set is made here from the schema and config in this
 * package (the local index's fields, English analysis and BM25 parameters; a cosine HNSW field of the
 * model's dimension; exact distributed statistics) and uploaded over HTTP, so any SolrCloud cluster
 * serves it without files of ours on its disks. The schema is named after the embedding model, so a
 * collection tells which model its vectors come from, as a local index's commit does.
 */
public record SolrCollection(SolrClient client, String name, String model, int dimension) {
    static final String CONFIG_PREFIX = "genai4j-rag-";
    /** The field type of the vectors in schema.xml. */
    static final String VECTOR_TYPE = "knn_vector";

    /** A client of the cluster at url (any node, e.g. http://host:8983/solr), over the JDK's HTTP client. */
    public static SolrClient connect(String url) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("a Solr URL starts with http:// or https://, got " + Printable.of(url));
        }
        return new HttpJdkSolrClient.Builder(url).build();
    }

    /** Whether the cluster has a collection of that name. */
    public static boolean exists(SolrClient client, String name) throws IOException {
        try {
            return CollectionAdminRequest.listCollections(client).contains(name);
        } catch (SolrServerException | IOException | RuntimeException e) {
            throw SolrFailure.of(client, "listing the collections", e);
        }
    }

    /** Uploads the config set {@code genai4j-rag-NAME} and creates the collection on it. */
    public static SolrCollection create(SolrClient client, String name, String model, int dimension, int shards, int replicas)
            throws IOException {
        if (dimension < 1) throw new IllegalArgumentException("the vector dimension must be positive, got " + dimension);
        String config = CONFIG_PREFIX + name;
        ContentStreamBase.ByteArrayStream zip = new ContentStreamBase.ByteArrayStream(configZip(model, dimension), config + ".zip", "application/zip");
        ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload().setConfigSetName(config).setUploadStream(zip);
        ok(upload, client, "uploading the config set " + config);
        ok(CollectionAdminRequest.createCollection(name, config, shards, replicas), client, "creating the collection " + Printable.of(name));
        return new SolrCollection(client, name, model, dimension);
    }

    /** An existing collection made by {@link #create}: its model from the schema's name, its dimension from the vector field. */
    public static SolrCollection open(SolrClient client, String name) throws IOException {
        String model;
        Object dim;
        try {
            model = new SchemaRequest.SchemaName().process(client, name).getSchemaName();
            dim = new SchemaRequest.FieldType(VECTOR_TYPE).process(client, name).getFieldType().getAttributes().get("vectorDimension");
        } catch (SolrServerException | IOException | RuntimeException e) {
            throw SolrFailure.of(client, "opening the collection " + Printable.of(name), e);
        }
        if (model == null || dim == null) {
            throw new IOException("collection " + Printable.of(name) + " is not a genai4j RAG collection (no " + VECTOR_TYPE + " field type)");
        }
        return new SolrCollection(client, name, model, Integer.parseInt(dim.toString()));
    }

    /** A writer that sends chunks in batches of {@code batch} documents. */
    public SolrChunkWriter writer(int batch) {
        return new SolrChunkWriter(this, batch);
    }

    public SolrChunkSearcher searcher() {
        return new SolrChunkSearcher(this);
    }

    /** The config set as a zip: solrconfig.xml, and schema.xml with the model and dimension filled in. */
    static byte[] configZip(String model, int dimension) {
        String schema = resource("schema.xml").replace("@MODEL@", xmlAttribute(model)).replace("@DIMENSION@", Integer.toString(dimension));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : Map.of("solrconfig.xml", resource("solrconfig.xml"), "schema.xml", schema).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a zip in memory does no I/O
        }
        return bytes.toByteArray();
    }

    static String xmlAttribute(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = SolrCollection.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the rag-solr jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs an admin request; a failure, thrown or reported in the response, becomes an IOException naming what was done. */
    static void ok(SolrRequest<? extends SolrResponseBase> request, SolrClient client, String what) throws IOException {
        try {
            SolrResponseBase r = request.process(client);
            Object failure = r.getResponse().get("failure");
            if (failure != null) throw new IOException(what + " failed: " + failure);
        } catch (SolrServerException | IOException | RuntimeException e) {
            throw SolrFailure.of(client, what, e);
        }
    }
}
