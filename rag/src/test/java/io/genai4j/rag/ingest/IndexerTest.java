package io.genai4j.rag.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.rag.answer.Answer;
import io.genai4j.rag.answer.ExtractiveAnswer;
import io.genai4j.rag.answer.RagPrompt;
import io.genai4j.rag.embed.Embedder;
import io.genai4j.rag.index.Filter;
import io.genai4j.rag.index.Hit;
import io.genai4j.rag.index.RagIndex;
import io.genai4j.rag.index.RagSearcher;
import io.genai4j.rag.load.Block;
import io.genai4j.rag.load.Document;
import io.genai4j.rag.retrieve.Mode;
import io.genai4j.rag.retrieve.Retriever;
import io.genai4j.rag.split.Splitter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Indexing, retrieval and answers end to end with the real MiniLM encoder on a corpus of four documents. */
class IndexerTest {
    static Embedder minilm;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        minilm = Embedder.load("minilm");
    }

    static List<Document> corpus(String lucene) {
        return List.of(
                new Document("lucene.md", "Lucene", List.of(new Block("Index", lucene))),
                new Document("cats.md", "Cats", List.of(new Block("Sleep", "Cats sleep between twelve and sixteen hours a day. They hunt at dusk."))),
                new Document("tea.md", "Tea", List.of(new Block("Brewing", "Green tea is brewed at about eighty degrees for two minutes."))),
                new Document("trains.md", "Trains", List.of(new Block("Speed", "The fastest trains run at over three hundred kilometres per hour."))));
    }

    /** Indexes docs, returns the stats and the events seen. */
    private IndexStats index(List<Document> docs, List<String> events, boolean deleteMissing) throws Exception {
        try (RagIndex idx = RagIndex.open(dir, minilm.name(), minilm.dimension())) {
            Indexer ix = new Indexer(idx, minilm, Splitter.of(minilm.tokenizer(), 128, 16), new IndexListener() {
                @Override
                public void unchanged(String source) {
                    events.add("unchanged " + source);
                }

                @Override
                public void committed(int documents, int chunks, int soFar) {
                    events.add("committed " + documents);
                }

                @Override
                public void deleted(String source) {
                    events.add("deleted " + source);
                }
            }, 2);
            for (Document d : docs) ix.add(d);
            return ix.finish(deleteMissing);
        }
    }

    @Test
    void reindexingEmbedsOnlyWhatChangedAndDeletesWhatLeft() throws Exception {
        List<String> ev = new ArrayList<>();
        IndexStats first = index(corpus("Lucene keeps postings lists for words and an HNSW graph for vectors."), ev, true);
        assertEquals(List.of(4, 0, 0, 0, 4), List.of(first.added(), first.updated(), first.unchanged(), first.deleted(), first.chunks()));
        assertEquals(List.of("committed 2", "committed 2"), ev, "a commit per batch of two chunks");

        ev.clear();
        List<Document> changed = new ArrayList<>(corpus("Lucene segments are immutable; deletes are marked in live-docs bitsets."));
        changed.removeIf(d -> d.source().equals("trains.md"));
        IndexStats second = index(changed, ev, true);
        assertEquals(List.of(0, 1, 2, 1, 1), List.of(second.added(), second.updated(), second.unchanged(), second.deleted(), second.chunks()));
        assertEquals(List.of("unchanged cats.md", "unchanged tea.md", "committed 1", "deleted trains.md"), ev);
        try (RagSearcher s = RagSearcher.open(dir)) {
            assertEquals(3, s.size());
            Retriever r = new Retriever(s, minilm);
            assertEquals("lucene.md", r.search("Are Lucene segments immutable?", Retriever.Query.of(Mode.HYBRID, 1)).getFirst().chunk().source());
            assertEquals("cats.md", r.search("How many hours do cats sleep?", Retriever.Query.of(Mode.DENSE, 1)).getFirst().chunk().source());
            assertEquals("tea.md", r.search("green tea temperature", Retriever.Query.of(Mode.BM25, 1)).getFirst().chunk().source());
            List<Hit> diverse = r.search("cats", new Retriever.Query(Mode.HYBRID, 3, Filter.NONE, 0.5));
            assertEquals(3, diverse.stream().map(h -> h.chunk().source()).distinct().count());
            assertEquals("cats.md", diverse.getFirst().chunk().source());
        }
    }

    @Test
    void theExtractiveAnswerCitesTheSentenceThatAnswersAndThePromptNumbersSources() throws Exception {
        index(corpus("Lucene keeps postings lists for words and an HNSW graph for vectors."), new ArrayList<>(), true);
        try (RagSearcher s = RagSearcher.open(dir)) {
            String question = "How long do cats sleep each day?";
            List<Hit> hits = new Retriever(s, minilm).search(question, Retriever.Query.of(Mode.HYBRID, 3));
            Answer a = ExtractiveAnswer.answer(question, hits, minilm, 1);
            int cats = hits.stream().map(h -> h.chunk().source()).toList().indexOf("cats.md") + 1;
            assertTrue(cats > 0, "cats.md retrieved");
            assertEquals("**Cats** **sleep** between twelve and sixteen hours a **day**. [" + cats + "]", a.text());
            assertEquals(List.of(cats), a.citations().cited());
            assertTrue(a.citations().grounded());
            String prompt = RagPrompt.user(question, hits);
            assertTrue(prompt.contains("[" + cats + "] Cats › Sleep (cats.md)\nCats sleep between"), prompt);
            assertTrue(prompt.endsWith("Question: " + question + "\n"), prompt);
        }
    }

    @Test
    void anIndexerRefusesADifferentModelAndTwoDocumentsWithOneSource() throws Exception {
        try (RagIndex idx = RagIndex.open(dir, "bge-small", minilm.dimension())) {
            assertThrows(IllegalArgumentException.class, () -> new Indexer(idx, minilm, Splitter.of(minilm.tokenizer(), 64, 8), IndexListener.NONE, 4));
        }
        try (RagIndex idx = RagIndex.open(dir.resolve("b"), minilm.name(), minilm.dimension())) {
            Indexer ix = new Indexer(idx, minilm, Splitter.of(minilm.tokenizer(), 64, 8), IndexListener.NONE, 4);
            ix.add(corpus("x").getFirst());
            assertThrows(IllegalArgumentException.class, () -> ix.add(corpus("y").getFirst()));
        }
    }
}
