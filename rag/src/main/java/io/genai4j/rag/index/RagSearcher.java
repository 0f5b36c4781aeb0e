package io.genai4j.rag.index;

import io.genai4j.rag.split.Chunk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;

/**
 * The reading side of a RAG index, over one point-in-time view: BM25 over title, heading and text;
 * approximate nearest neighbours by dot product in the HNSW graph; both under metadata filters.
 * Thread-safe for searches; close it to release the view.
 */
public final class RagSearcher implements ChunkSearcher, AutoCloseable {
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final IndexInfo info;
    private final Analyzer analyzer = RagIndex.analyzer();
    /** The directory this searcher opened itself (closed with it), or null when the writer owns it. */
    private final Directory owned;

    RagSearcher(DirectoryReader reader, IndexInfo info, Directory owned) {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.info = info;
        this.owned = owned;
    }

    /** The last commit of the index in dir, read-only (an index being written can be searched meanwhile). */
    public static RagSearcher open(Path dir) throws IOException {
        IndexInfo info = IndexInfo.read(dir);
        if (info == null) throw new IOException("no RAG index in " + dir + " (build one with `genai rag index`)");
        return Directories.open(dir, d -> new RagSearcher(DirectoryReader.open(d), info, d));
    }

    public IndexInfo info() {
        return info;
    }

    @Override
    public String model() {
        return info.model();
    }

    /** Chunks in the view. */
    public int size() {
        return reader.numDocs();
    }

    @Override
    public List<Hit> bm25(String query, int k, Filter filter) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        List<String> terms = terms(query);
        if (terms.isEmpty()) return List.of();
        for (String t : terms) b.add(new TermQuery(new Term(Fields.BODY, t)), BooleanClause.Occur.SHOULD);
        Query q = b.build();
        Query f = LuceneFilter.of(filter);
        if (f != null) q = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST).add(f, BooleanClause.Occur.FILTER).build();
        return hits(searcher.search(q, k));
    }

    /** By dot product in the HNSW graph (approximate). */
    @Override
    public List<Hit> dense(float[] query, int k, Filter filter) throws IOException {
        if (query.length != info.dimension()) throw new IllegalArgumentException("a query of " + query.length + " dims for an index of " + info.dimension());
        return hits(searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, query, k, LuceneFilter.of(filter)), k));
    }

    @Override
    public List<float[]> vectors(List<Hit> hits) throws IOException {
        List<float[]> out = new ArrayList<>(hits.size());
        for (Hit h : hits) out.add(vector(h.doc()));
        return out;
    }

    /** The stored vector of a hit's chunk. */
    public float[] vector(int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
        if (values == null) throw new IllegalStateException("chunk " + doc + " has no vector");
        KnnVectorValues.DocIndexIterator it = values.iterator();
        if (it.advance(doc - leaf.docBase) != doc - leaf.docBase) throw new IllegalStateException("chunk " + doc + " has no vector");
        return values.vectorValue(it.index()).clone();
    }

    /** Every live chunk with its document's digest, in index order. */
    public void forEachChunk(BiConsumer<Chunk, String> sink) throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            StoredFields stored = leaf.reader().storedFields();
            for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                if (live != null && !live.get(d)) continue;
                Document doc = stored.document(d);
                sink.accept(chunk(doc), doc.get(Fields.DIGEST));
            }
        }
    }

    /** How many chunks match the filter. */
    public int count(Filter filter) throws IOException {
        Query f = LuceneFilter.of(filter);
        return searcher.count(f == null ? new MatchAllDocsQuery() : f);
    }

    /** The analyzed terms of a text, as the BM25 field indexes them. */
    List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(Fields.BODY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // analyzing a String does no I/O
        }
        return out;
    }

    private List<Hit> hits(TopDocs top) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<Hit> out = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) out.add(new Hit(chunk(stored.document(sd.doc)), sd.score, sd.doc));
        return out;
    }

    private static Chunk chunk(Document d) {
        return new Chunk(d.get(Fields.SOURCE), d.get(Fields.TITLE), d.get(Fields.HEADING),
                d.getField(Fields.POSITION).numericValue().intValue(), d.get(Fields.TEXT));
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
            analyzer.close();
        } finally {
            if (owned != null) owned.close();
        }
    }
}
