package io.genai4j.rag.solr;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The test class path, what Lucene jars it holds, and the class path of the local side without them. */
final class LuceneClassPath {
    private LuceneClassPath() {}

    /** The entries of this JVM's test class path (surefire's list when it launched us through a manifest jar). */
    static List<String> entries() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> out = new ArrayList<>();
        for (String e : cp.split(File.pathSeparator)) if (!e.isBlank()) out.add(e);
        return out;
    }

    /** The Lucene jars among the entries (file names such as lucene-core-9.12.3.jar). */
    static List<String> luceneJars(List<String> entries) {
        return entries.stream().map(e -> Path.of(e).getFileName().toString()).filter(n -> n.startsWith("lucene-") && n.endsWith(".jar")).toList();
    }

    /** Ours and the libraries the rag module needs, without Solr's jars and its Lucene 9, plus the Lucene 10 jars the build copied. */
    static String localIndexClassPath() {
        List<String> out = new ArrayList<>();
        for (String e : entries()) {
            String name = Path.of(e).getFileName().toString();
            if (name.startsWith("lucene-") || name.startsWith("solr-")) continue;
            out.add(e);
        }
        Path dir = Path.of(System.getProperty("genai4j.lucene10.dir", "target/lucene10"));
        try (Stream<Path> jars = Files.list(dir)) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> out.add(p.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("the build copies Lucene 10 into " + dir + " (maven-dependency-plugin, generate-test-resources)", e);
        }
        return String.join(File.pathSeparator, out);
    }
}
