package io.genai4j.rag.index;

import io.genai4j.engine.util.Printable;
import io.genai4j.rag.split.Chunk;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.FSDirectory;

/**
 * The writing side of a RAG index. A document's chunks are replaced together
 * ({@link IndexWriter#updateDocuments}: delete-by-source and add in one atomic step), each carrying
 * the document's content digest, so a re-index skips what did not change. Nothing is visible to a
 * reader, nor survives a crash, until {@link #commit}: a kill -9 loses at most the batch since the
 * last commit, and the index opens at the last commit (Lucene's segments_N are written last and
 * fsynced). The embedding model and dimension are part of every commit; opening an index with another
 * model is refused, since its vectors would not be comparable.
 */
public final class RagIndex implements ChunkStore, AutoCloseable {
    private final Path dir;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final IndexInfo info;

    private RagIndex(Path dir, FSDirectory directory, IndexWriter writer, IndexInfo info) {
        this.dir = dir;
        this.directory = directory;
        this.writer = writer;
        this.info = info;
    }

    /** The analyzer of the BM25 field, for documents and queries alike: English stop words and Porter stemming. */
    static Analyzer analyzer() {
        return new EnglishAnalyzer();
    }

    /** Opens the index in dir, creating it when absent. */
    public static RagIndex open(Path dir, String model, int dimension) throws IOException {
        IndexInfo want = new IndexInfo(model, dimension);
        IndexInfo have = IndexInfo.read(dir);
        if (have != null && !have.equals(want)) {
            throw new IllegalArgumentException(dir + " was built with " + Printable.of(have.model()) + " (" + have.dimension()
                    + " dims), not " + Printable.of(model) + " (" + dimension + " dims): use that model or a new index folder");
        }
        return Directories.open(dir, d -> {
            IndexWriterConfig cfg = new IndexWriterConfig(analyzer()).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            IndexWriter w = new IndexWriter(d, cfg);
            w.setLiveCommitData(want.commitData().entrySet());
            if (have == null) w.commit();   // an empty index that names its model
            return new RagIndex(dir, d, w, want);
        });
    }

    public IndexInfo info() {
        return info;
    }

    @Override
    public String model() {
        return info.model();
    }

    @Override
    public void replace(String source, String digest, List<Chunk> chunks, float[][] vectors) throws IOException {
        ChunkStore.checkReplace(source, chunks, vectors, info.dimension());
        List<Document> docs = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) docs.add(document(chunks.get(i), digest, vectors[i]));
        writer.updateDocuments(new Term(Fields.SOURCE, source), docs);
    }

    @Override
    public void delete(String source) throws IOException {
        writer.deleteDocuments(new Term(Fields.SOURCE, source));
    }

    /** Atomically. */
    @Override
    public void commit() throws IOException {
        writer.setLiveCommitData(info.commitData().entrySet());
        writer.commit();
    }

    /** Uncommitted changes included. */
    @Override
    public Map<String, String> sources() throws IOException {
        try (RagSearcher s = searcher()) {
            Map<String, String> out = new HashMap<>();
            s.forEachChunk((c, digest) -> out.putIfAbsent(c.source(), digest));
            return out;
        }
    }

    /** A searcher over the committed and uncommitted changes so far (near-real-time); close it after use. */
    public RagSearcher searcher() throws IOException {
        return new RagSearcher(DirectoryReader.open(writer), info, null);
    }

    public Path dir() {
        return dir;
    }

    /** Bytes the index takes on disk. */
    public long sizeBytes() throws IOException {
        long n = 0;
        for (String f : directory.listAll()) n += directory.fileLength(f);
        return n;
    }

    /** Closes without committing: changes since the last {@link #commit} are dropped, as after a crash. */
    @Override
    public void close() throws IOException {
        try {
            writer.rollback();
        } finally {
            directory.close();
        }
    }

    private static Document document(Chunk c, String digest, float[] vector) {
        Document d = new Document();
        d.add(new StringField(Fields.ID, c.id(), Field.Store.YES));
        d.add(new StringField(Fields.SOURCE, c.source(), Field.Store.YES));
        d.add(new StringField(Fields.TITLE, c.title(), Field.Store.YES));
        d.add(new StoredField(Fields.HEADING, c.heading()));
        d.add(new StoredField(Fields.POSITION, c.position()));
        d.add(new StoredField(Fields.TEXT, c.text()));
        d.add(new TextField(Fields.BODY, c.indexedText(), Field.Store.NO));
        d.add(new StringField(Fields.TYPE, c.type(), Field.Store.NO));
        d.add(new StringField(Fields.DIGEST, digest, Field.Store.YES));
        d.add(new KnnFloatVectorField(Fields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        return d;
    }
}
