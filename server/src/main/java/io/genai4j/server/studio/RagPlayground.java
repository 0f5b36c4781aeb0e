package io.genai4j.server.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.engine.util.Printable;
import io.genai4j.engine.util.Rounding;
import io.genai4j.engine.util.StaleTemps;
import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.chat.ChatListener;
import io.genai4j.models.bert.BertEncoder;
import io.genai4j.rag.answer.Answer;
import io.genai4j.rag.answer.AnswerJson;
import io.genai4j.rag.answer.RagAnswerer;
import io.genai4j.rag.embed.Embedder;
import io.genai4j.rag.index.Filter;
import io.genai4j.rag.index.Hit;
import io.genai4j.rag.index.RagIndex;
import io.genai4j.rag.index.RagSearcher;
import io.genai4j.rag.ingest.IndexListener;
import io.genai4j.rag.ingest.IndexStats;
import io.genai4j.rag.ingest.Indexer;
import io.genai4j.rag.load.Document;
import io.genai4j.rag.load.Loader;
import io.genai4j.rag.retrieve.Mode;
import io.genai4j.rag.retrieve.Retriever;
import io.genai4j.rag.split.Splitter;
import io.genai4j.server.ApiException;
import io.genai4j.server.Backend;
import io.genai4j.server.Fields;
import io.genai4j.server.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The RAG playground: documents the page uploads or pastes are split, embedded with MiniLM and
 * indexed (Lucene, BM25 + HNSW) in a temporary folder of this server, with progress; a question
 * then shows the chunks found with their BM25, dense and hybrid scores side by side, and the answer
 * citing them ({@link RagAnswerer}: written by the loaded chat model, extractive without one). The
 * page sends file contents, never paths: nothing on the disk is read but the index's own folder.
 */
final class RagPlayground {
    /** The index's model name: the one {@code genai rag index} writes for MiniLM, so the folder would open there too. */
    static final String MODEL = "minilm";
    static final int CHUNK_TOKENS = 200;
    static final int OVERLAP = 30;
    static final int MAX_DOCUMENTS = 100;
    static final int MAX_K = 20;
    /** Sentences of an extractive answer, as {@code genai rag ask} gives by default. */
    static final int SENTENCES = 2;
    static final int MAX_ANSWER_TOKENS = 256;

    final JobSlot indexing;
    private final Supplier<BertEncoder> encoder;
    private final Supplier<Backend> backend;
    private Embedder embedder;
    private RagIndex index;

    RagPlayground(Supplier<BertEncoder> encoder, Supplier<Backend> backend, Consumer<Throwable> bugs) {
        this.encoder = encoder;
        this.backend = backend;
        this.indexing = new JobSlot("indexing", bugs);
    }

    /**
     * {@code {"documents": [{"name": "notes.md", "text": "..."} or {"name": "paper.pdf", "base64": "..."}]}}
     * → {@code {"run": id, "documents": n}}; the events say each document's progress and the totals.
     * The file's extension picks the loader as in {@code genai rag index}.
     */
    ObjectNode index(JsonNode body) {
        JsonNode docs = body.path("documents");
        if (!docs.isArray() || docs.isEmpty()) throw ApiException.invalid("documents", "documents must be a non-empty list of {name, text}");
        if (docs.size() > MAX_DOCUMENTS) throw ApiException.invalid("documents", "at most " + MAX_DOCUMENTS + " documents at a time, got " + docs.size());
        List<Document> loaded = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < docs.size(); i++) loaded.add(document(new Fields(docs.get(i), "documents[" + i + "]"), "documents[" + i + "]", names));
        StudioJob run = indexing.start(job -> {
            Indexer indexer = new Indexer(index(), embedder(), Splitter.of(embedder().tokenizer(), CHUNK_TOKENS, OVERLAP), new IndexListener() {
                @Override
                public void committed(int documents, int chunks, int chunksSoFar) {
                    job.add(Json.object().put("type", "committed").put("documents", documents).put("chunks", chunksSoFar));
                }
            }, 32);
            for (int i = 0; i < loaded.size(); i++) {
                job.checkStop();
                indexer.add(loaded.get(i));
                job.add(Json.object().put("type", "document").put("name", loaded.get(i).source()).put("done", i + 1).put("of", loaded.size()));
            }
            IndexStats stats = indexer.finish(false);
            job.add(Json.object().put("type", "indexed").put("added", stats.added()).put("updated", stats.updated())
                    .put("unchanged", stats.unchanged()).put("chunks", stats.chunks()).put("total_chunks", size())
                    .put("seconds", Rounding.places(stats.totalNanos() / 1e9, 2)));
        });
        return Json.object().put("run", run.id).put("documents", loaded.size());
    }

    private static Document document(Fields f, String at, Set<String> names) {
        String name = f.requiredString("name").strip();
        Loader loader = Loader.forName(name);
        if (loader == null) throw ApiException.invalid(at + ".name", "cannot read " + Printable.of(name) + ": use .md, .txt, .html or .pdf");
        if (!names.add(name)) throw ApiException.invalid(at + ".name", "two documents are named " + Printable.of(name));
        String text = f.string("text", null), base64 = f.string("base64", null);
        if ((text == null) == (base64 == null)) throw ApiException.invalid(at, at + " needs either text or base64");
        byte[] bytes;
        try {
            bytes = text != null ? text.getBytes(StandardCharsets.UTF_8) : Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(at + ".base64", at + ".base64 is not base64: " + e.getMessage());
        }
        try {
            return loader.load(name, bytes);
        } catch (IOException e) {
            throw ApiException.invalid(at, "cannot read " + Printable.of(name) + ": " + e.getMessage());
        }
    }

    /** {@code {"question", "mode": "hybrid", "k": 5}} → the answer, its sources, and each source's three scores. */
    ObjectNode ask(JsonNode body) throws IOException {
        Fields f = new Fields(body, "");
        String question = f.requiredString("question").strip();
        if (question.isEmpty()) throw ApiException.invalid("question", "the question is empty");
        Mode mode;
        try {
            mode = Mode.parse(f.string("mode", "hybrid"));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("mode", e.getMessage());
        }
        int k = (int) f.integer("k", 5, 1, MAX_K);
        if (size() == 0) throw ApiException.invalid("question", "the index is empty: add documents first");
        Backend b = backend.get();
        try (RagSearcher searcher = index().searcher()) {
            Retriever retriever = new Retriever(searcher, embedder());
            List<Hit> hits = retriever.search(question, Retriever.Query.of(mode, k));
            // the same question through each view: where a chunk stands by words, by meaning, and fused
            List<Hit> bm25 = searcher.bm25(question, Retriever.DEPTH, Filter.NONE);
            List<Hit> dense = searcher.dense(embedder().query(question), Retriever.DEPTH, Filter.NONE);
            List<Hit> hybrid = Retriever.fused(List.of(bm25, dense));
            RagAnswerer answerer = new RagAnswerer(retriever, embedder(), b == null ? null : b.chat(),
                    GenerationOptions.greedy(MAX_ANSWER_TOKENS), SENTENCES);
            Answer a = answerer.answer(question, hits, ChatListener.NONE);
            ObjectNode o = Json.MAPPER.valueToTree(AnswerJson.of(question, mode.name().toLowerCase(Locale.ROOT), embedder().name(), a));
            ArrayNode sources = (ArrayNode) o.get("sources");
            Map<String, Hit> byWords = byId(bm25), byMeaning = byId(dense), fused = byId(hybrid);
            for (int i = 0; i < hits.size(); i++) {
                String id = hits.get(i).chunk().id();
                ObjectNode s = (ObjectNode) sources.get(i);
                s.put("cited", a.citations().cited().contains(i + 1));
                putScore(s, "bm25", byWords.get(id));
                putScore(s, "dense", byMeaning.get(id));
                putScore(s, "hybrid", fused.get(id));
            }
            return o;
        }
    }

    private static Map<String, Hit> byId(List<Hit> hits) {
        Map<String, Hit> out = new HashMap<>();
        for (Hit h : hits) out.putIfAbsent(h.chunk().id(), h);
        return out;
    }

    /** A view's score, or null when the chunk is not in that view's top {@link Retriever#DEPTH}. */
    private static void putScore(ObjectNode s, String view, Hit h) {
        if (h == null) s.putNull(view);
        else s.put(view, Rounding.places(h.score(), 6));
    }

    /** {@code {}} → the documents and chunks in the index. */
    ObjectNode status() throws IOException {
        Map<String, Integer> chunks = new TreeMap<>();
        if (index != null) {
            try (RagSearcher s = index().searcher()) {
                s.forEachChunk((c, digest) -> chunks.merge(c.source(), 1, Integer::sum));
            }
        }
        ObjectNode o = Json.object().put("model", MODEL);
        ArrayNode docs = o.putArray("documents");
        chunks.forEach((source, n) -> docs.addObject().put("name", source).put("chunks", n));
        return o;
    }

    /** Deletes every document from the index. */
    synchronized ObjectNode clear() throws IOException {
        int n = 0;
        if (index != null) {
            if (indexing.current() != null && !indexing.current().ended()) {
                throw new ApiException(409, "invalid_request_error", "job_running", null, "an indexing is going; stop it first", 0);
            }
            for (String source : index.sources().keySet()) {
                index.delete(source);
                n++;
            }
            index.commit();
        }
        return Json.object().put("deleted", n);
    }

    private int size() throws IOException {
        if (index == null) return 0;
        try (RagSearcher s = index().searcher()) {
            return s.size();
        }
    }

    private synchronized Embedder embedder() {
        if (embedder == null) embedder = new Embedder(encoder.get(), Embedder.prefixFor(MODEL), MODEL);
        return embedder;
    }

    /** The index, in a temporary folder made on first use and deleted by {@link #close}. */
    private synchronized RagIndex index() throws IOException {
        if (index == null) index = RagIndex.open(Files.createTempDirectory("genai-studio-rag"), MODEL, embedder().dimension());
        return index;
    }

    /** Closes the index and deletes its folder (the server is stopping; indexing has been stopped). */
    synchronized void close() throws IOException {
        if (index == null) return;
        Path dir = index.dir();
        index.close();
        index = null;
        StaleTemps.deleteTree(dir);
    }
}
