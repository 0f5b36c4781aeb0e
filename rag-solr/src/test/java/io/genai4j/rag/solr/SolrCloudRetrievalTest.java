package io.genai4j.rag.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.rag.embed.Embedder;
import io.genai4j.rag.eval.Squad;
import io.genai4j.rag.index.Filter;
import io.genai4j.rag.index.Hit;
import io.genai4j.rag.ingest.IndexListener;
import io.genai4j.rag.ingest.IndexStats;
import io.genai4j.rag.ingest.Indexer;
import io.genai4j.rag.load.Block;
import io.genai4j.rag.load.Document;
import io.genai4j.rag.retrieve.Retriever;
import io.genai4j.rag.split.Chunk;
import io.genai4j.rag.split.Splitter;
import io.genai4j.text.SharedData;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof of the module: a real SolrCloud cluster (two nodes, a collection of two shards) started
 * here, indexed with the fixture and, when the shared data is there, a slice of SQuAD v1.1 dev, must
 * rank as the local Lucene index does on the same chunks and vectors: BM25 in the same order up to
 * ties (same analysis, same k1 and b, collection-wide statistics), dense equal to exact kNN on both,
 * and hybrid, filtered and MMR searches through the same Retriever equal. The local index runs in a
 * child JVM on Lucene 10 ({@link LocalIndexChild}), since Solr's Lucene 9 is on this one's class path.
 */
class SolrCloudRetrievalTest {
    static final String SQUAD = "rag/squad-v1.1/dev-v1.1.json";
    static final String MODEL = "minilm";

    @TempDir
    static Path tmp;

    static MiniSolrCloudCluster cluster;
    /** What a user has: one node's URL and the JDK's HTTP client (the node routes to the shards). */
    static SolrClient client;
    static Embedder embedder;

    @BeforeAll
    static void start() throws Exception {
        embedder = Embedder.load(MODEL);
        cluster = new MiniSolrCloudCluster.Builder(2, tmp.resolve("solr")).build();
        client = SolrCollection.connect(cluster.getJettySolrRunners().getFirst().getBaseUrl().toString());
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) client.close();
        if (cluster != null) cluster.shutdown();
    }

    @Test
    void theClusterRanksAsTheLocalIndex() throws Exception {
        Corpus corpus = corpus();
        Process local = startLocal(corpus);

        assertFalse(SolrCollection.exists(client, "chunks"));
        SolrCollection created = SolrCollection.create(client, "chunks", embedder.name(), embedder.dimension(), 2, 1);
        cluster.waitForActiveCollection(created.name(), 2, 2);
        corpus.writeTo(created.writer(25));

        assertTrue(SolrCollection.exists(client, "chunks"));
        SolrCollection opened = SolrCollection.open(client, "chunks");
        assertEquals(new SolrCollection(opened.client(), "chunks", MODEL, embedder.dimension()), opened, "the collection names its model and dimension");
        SolrChunkSearcher solr = opened.searcher();
        assertEquals(corpus.chunks().size(), solr.size());
        Retriever retriever = new Retriever(solr, embedder);
        List<Map<String, List<Plan.Ranked>>> fromSolr = new ArrayList<>();
        for (int q = 0; q < corpus.questions().size(); q++) {
            fromSolr.add(Plan.run(solr, retriever, corpus.questions().get(q), corpus.queryVectors()[q]));
        }

        List<Map<String, List<Plan.Ranked>>> fromLocal = awaitLocal(local);
        assertEquals(corpus.questions().size(), fromLocal.size());
        for (int q = 0; q < corpus.questions().size(); q++) {
            String question = corpus.questions().get(q);
            for (String search : fromLocal.get(q).keySet()) {
                List<Plan.Ranked> want = fromLocal.get(q).get(search), got = fromSolr.get(q).get(search);
                assertTrue(!want.isEmpty() || search.contains("filtered"), search + " found nothing for " + question);
                Ranks.assertSameUpToTies(search + " for " + question, want, got, search.startsWith("bm25") ? 1e-4 : 1e-5);
            }
            List<Plan.Ranked> exact = exactKnn(corpus, corpus.queryVectors()[q], null, Retriever.DEPTH);
            Ranks.assertSameUpToTies("exact kNN vs Solr for " + question, exact, fromSolr.get(q).get("dense"), 1e-5);
            Ranks.assertSameUpToTies("exact kNN vs Lucene for " + question, exact, fromLocal.get(q).get("dense"), 1e-5);
            Ranks.assertSameUpToTies("filtered exact kNN vs Solr for " + question,
                    exactKnn(corpus, corpus.queryVectors()[q], "animals/", Plan.K), fromSolr.get(q).get("dense filtered"), 1e-5);
        }
    }

    @Test
    void theIndexerKeepsTheCollectionUpToDateByDigest() throws Exception {
        SolrCollection c = SolrCollection.create(client, "incremental", embedder.name(), embedder.dimension(), 2, 1);
        cluster.waitForActiveCollection(c.name(), 2, 2);
        IndexStats first = index(c, Fixture.DOCUMENTS);
        assertEquals(Fixture.DOCUMENTS.size(), first.added());
        SolrChunkSearcher s = c.searcher();
        long before = s.size();
        assertEquals(first.chunks(), before);
        assertEquals(2, s.bm25("cats", 5, Filter.NONE).size(), "both sections of the cat page");

        // The cat page shrinks to one chunk, the bread page goes, the rest is as it was.
        Document cats = new Document("animals/cats.md", "Cats", List.of(new Block("", "Cats chase laser dots.")));
        List<Document> docs = new ArrayList<>();
        for (Document d : Fixture.DOCUMENTS) {
            if (d.source().equals(cats.source())) docs.add(cats);
            else if (!d.source().equals("food/bread.md")) docs.add(d);
        }
        IndexStats second = index(c, docs);
        assertEquals(List.of(0, 1, Fixture.DOCUMENTS.size() - 2, 1), List.of(second.added(), second.updated(), second.unchanged(), second.deleted()));
        List<Hit> hits = s.bm25("cats", 5, Filter.NONE);
        assertEquals(List.of(new Chunk("animals/cats.md", "Cats", "", 0, "Cats chase laser dots.")), hits.stream().map(Hit::chunk).toList());
        assertTrue(s.bm25("yeast sourdough", 5, Filter.NONE).isEmpty(), "the bread page is deleted");
        assertEquals(before - 1 - 2, s.size(), "two cat chunks became one; two bread chunks went");
        assertEquals(1, s.bm25("cats", 5, Filter.parse(List.of("type=md"))).size());
        assertTrue(s.bm25("cats", 5, Filter.parse(List.of("type=txt"))).isEmpty());
        assertTrue(s.bm25("the of and", 5, Filter.NONE).isEmpty(), "stop words only: nothing to match");
    }

    /** The rag module's Indexer over the collection, in batches of 4 chunks; the documents are the whole corpus. */
    static IndexStats index(SolrCollection c, List<Document> docs) throws IOException {
        Indexer indexer = new Indexer(c.writer(3), embedder, Splitter.of(embedder.tokenizer(), 200, 30), IndexListener.NONE, 4);
        for (Document d : docs) indexer.add(d);
        return indexer.finish(true);
    }

    /** The fixture's chunks, and with the shared data a 30-paragraph slice of SQuAD dev; 8 + 6 questions. */
    static Corpus corpus() throws IOException {
        List<Document> docs = new ArrayList<>(Fixture.DOCUMENTS);
        List<String> questions = new ArrayList<>(Fixture.QUESTIONS);
        if (Files.exists(SharedData.dir().resolve(SQUAD)) || System.getenv("CI") != null) {
            Squad squad = Squad.read(SharedData.require(SQUAD)).slice(30, 6);
            docs.addAll(squad.paragraphs());
            for (Squad.Question q : squad.questions()) questions.add(q.text());
        }
        Splitter splitter = Splitter.of(embedder.tokenizer(), 200, 30);
        // In id order: Solr breaks ties by id, the local index by insertion order, so both break them alike.
        List<Document> byId = new ArrayList<>(docs);
        byId.sort(Comparator.comparing(Document::source));
        List<Chunk> chunks = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        for (Document d : byId) {
            for (Chunk c : splitter.split(d)) {
                chunks.add(c);
                digests.add(d.digest());
            }
        }
        List<String> ids = chunks.stream().map(Chunk::id).toList();
        assertEquals(ids.stream().sorted().toList(), ids, "chunk ids in index order");
        float[][] vectors = embedder.passages(chunks.stream().map(Chunk::indexedText).toList(), null);
        return new Corpus(chunks, digests, vectors, questions, embedder.queries(questions, null));
    }

    /** The k best by (1 + dot) / 2, the score of both indexes for unit vectors, over the chunks whose source starts with prefix (null: all). */
    static List<Plan.Ranked> exactKnn(Corpus corpus, float[] query, String prefix, int k) {
        List<Plan.Ranked> all = new ArrayList<>();
        for (int i = 0; i < corpus.chunks().size(); i++) {
            Chunk c = corpus.chunks().get(i);
            if (prefix != null && !c.source().startsWith(prefix)) continue;
            double dot = 0;
            for (int j = 0; j < query.length; j++) dot += (double) query[j] * corpus.vectors()[i][j];
            all.add(new Plan.Ranked(c.id(), (1 + dot) / 2));
        }
        all.sort(Comparator.comparingDouble(Plan.Ranked::score).reversed());
        return all.subList(0, Math.min(k, all.size()));
    }

    /** Starts the local side: a JVM on this class path without Solr's and Lucene 9's jars, plus Lucene 10's. */
    static Process startLocal(Corpus corpus) throws IOException {
        Path in = tmp.resolve("corpus.bin");
        try (OutputStream out = Files.newOutputStream(in)) {
            corpus.write(out);
        }
        String classPath = LuceneClassPath.localIndexClassPath();
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx1g",
                "-cp", classPath, LocalIndexChild.class.getName(), in.toString(), tmp.resolve("local-index").toString(),
                tmp.resolve("local.bin").toString(), MODEL);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("local.log").toFile()).start();
    }

    static List<Map<String, List<Plan.Ranked>>> awaitLocal(Process p) throws Exception {
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the local index did not finish in 120 s");
        }
        assertEquals(0, p.exitValue(), () -> "the local index failed:\n" + read(tmp.resolve("local.log")));
        try (InputStream in = Files.newInputStream(tmp.resolve("local.bin"))) {
            String version = new DataInputStream(in).readUTF();
            assertTrue(version.startsWith("10."), "the local side ran on Lucene " + version);
            return Plan.read(in);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
