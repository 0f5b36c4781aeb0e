package io.genai4j.rag.index;

import io.genai4j.engine.util.Printable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * What an index was built with, from its last commit: the embedding model (a search must embed
 * queries with the same one) and the vector dimension.
 */
public record IndexInfo(String model, int dimension) {

    /** The info of the index in dir, or null when dir holds no index yet. */
    public static IndexInfo read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return null;
        try (Directory d = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(d)) return null;
            return of(dir, SegmentInfos.readLatestCommit(d).getUserData());
        } catch (IndexNotFoundException e) {
            return null;
        }
    }

    static IndexInfo of(Path dir, Map<String, String> commitData) throws IOException {
        String model = commitData.get(Fields.MODEL_KEY), dim = commitData.get(Fields.DIMENSION_KEY);
        if (model == null || dim == null) throw new IOException(dir + ": not a genai4j RAG index (its commit names no embedding model)");
        try {
            return new IndexInfo(model, Integer.parseInt(dim));
        } catch (NumberFormatException e) {
            throw new IOException(dir + ": the vector dimension " + Printable.of(dim) + " is not a number");
        }
    }

    /** Data for a commit of this index. */
    Map<String, String> commitData() {
        return Map.of(Fields.MODEL_KEY, model, Fields.DIMENSION_KEY, Integer.toString(dimension));
    }
}
