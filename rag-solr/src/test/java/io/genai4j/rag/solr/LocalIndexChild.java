package io.genai4j.rag.solr;

import io.genai4j.rag.embed.Embedder;
import io.genai4j.rag.index.RagIndex;
import io.genai4j.rag.index.RagSearcher;
import io.genai4j.rag.retrieve.Retriever;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.Version;

/**
 * The local side of the comparison, in its own JVM on Lucene 10 (the parent holds Solr's Lucene 9):
 * reads a {@link Corpus}, builds the local index from it, runs the {@link Plan} for every question and
 * writes the results, after the version of the Lucene it ran on.
 * Arguments: corpus file, index folder, results file, embedding model.
 */
public final class LocalIndexChild {
    private LocalIndexChild() {}

    public static void main(String[] args) throws Exception {
        Corpus corpus;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            corpus = Corpus.read(in);
        }
        Embedder embedder = Embedder.load(args[3]);
        try (RagIndex index = RagIndex.open(Path.of(args[1]), embedder.name(), embedder.dimension())) {
            corpus.writeTo(index);
            List<Map<String, List<Plan.Ranked>>> results = new ArrayList<>();
            try (RagSearcher searcher = index.searcher()) {
                Retriever retriever = new Retriever(searcher, embedder);
                for (int q = 0; q < corpus.questions().size(); q++) {
                    results.add(Plan.run(searcher, retriever, corpus.questions().get(q), corpus.queryVectors()[q]));
                }
            }
            try (OutputStream out = Files.newOutputStream(Path.of(args[2]))) {
                new DataOutputStream(out).writeUTF(Version.LATEST.toString());
                Plan.write(results, out);
            }
        }
    }
}
