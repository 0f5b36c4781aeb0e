package io.genai4j.rag.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.Version;
import org.junit.jupiter.api.Test;

/**
 * Solr's Lucene 9 and the local index's Lucene 10 never share a class path: here only Lucene 9 is
 * found, and the classes this module uses from the rag module link and initialise with no Lucene at
 * all, so the retriever interfaces really do not need it.
 */
class LuceneClassPathTest {
    /** What this module takes from rag, and its own classes. */
    static final List<String> LUCENE_FREE = List.of(
            "io.genai4j.rag.index.ChunkSearcher", "io.genai4j.rag.index.Filter", "io.genai4j.rag.index.Hit", "io.genai4j.rag.index.Fields",
            "io.genai4j.rag.retrieve.Retriever", "io.genai4j.rag.retrieve.Rrf", "io.genai4j.rag.retrieve.Mmr", "io.genai4j.rag.retrieve.Mode",
            "io.genai4j.rag.index.ChunkStore", "io.genai4j.rag.ingest.Indexer",
            "io.genai4j.rag.split.Chunk", "io.genai4j.rag.split.Splitter", "io.genai4j.rag.embed.Embedder", "io.genai4j.rag.eval.Squad",
            "io.genai4j.rag.solr.SolrCollection", "io.genai4j.rag.solr.SolrChunkWriter", "io.genai4j.rag.solr.SolrChunkSearcher",
            "io.genai4j.rag.solr.SolrQueries", "io.genai4j.rag.solr.SolrDocs");

    @Test
    void onlySolrsLucene9IsOnTheClassPath() {
        assertEquals(9, Version.LATEST.major, "Lucene " + Version.LATEST);
        List<String> jars = LuceneClassPath.luceneJars(LuceneClassPath.entries());
        assertTrue(jars.contains("lucene-core-9.12.3.jar"), jars.toString());
        for (String jar : jars) assertTrue(jar.endsWith("-9.12.3.jar"), "a Lucene jar other than Solr's: " + jar);
    }

    @Test
    void theLocalSideGetsLucene10AndNothingOfSolr() {
        List<String> entries = List.of(LuceneClassPath.localIndexClassPath().split(java.io.File.pathSeparator));
        List<String> jars = LuceneClassPath.luceneJars(entries);
        assertEquals(List.of("lucene-analysis-common-10.6.0.jar", "lucene-core-10.6.0.jar"), jars.stream().sorted().toList());
        assertFalse(entries.stream().anyMatch(e -> Path.of(e).getFileName().toString().startsWith("solr-")), entries.toString());
    }

    @Test
    void theRetrieverAndTheSolrClassesLinkWithoutAnyLucene() throws Exception {
        try (URLClassLoader noLucene = new URLClassLoader(withoutLucene(), ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.lucene.util.Version", false, noLucene));
            // The control: the local index's searcher does need Lucene, and linking it here says so.
            assertThrows(NoClassDefFoundError.class, () -> Class.forName("io.genai4j.rag.index.RagSearcher", true, noLucene).getDeclaredMethods());
            for (String name : LUCENE_FREE) {
                Class<?> c = Class.forName(name, true, noLucene);   // initialising links it: a Lucene type it needs would fail here
                c.getDeclaredMethods();                            // resolves every signature's types
                c.getDeclaredFields();
            }
        }
    }

    private static URL[] withoutLucene() throws Exception {
        List<URL> out = new ArrayList<>();
        for (String e : LuceneClassPath.entries()) {
            if (!Path.of(e).getFileName().toString().startsWith("lucene-")) out.add(Path.of(e).toUri().toURL());
        }
        return out.toArray(URL[]::new);
    }
}
