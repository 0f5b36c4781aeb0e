package io.genai4j.server.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.llm.chat.ChatListener;
import io.genai4j.rag.answer.Answer;
import io.genai4j.rag.answer.RagAnswerer;
import io.genai4j.rag.embed.Embedder;
import io.genai4j.rag.index.Filter;
import io.genai4j.rag.index.Hit;
import io.genai4j.rag.index.RagIndex;
import io.genai4j.rag.index.RagSearcher;
import io.genai4j.rag.ingest.IndexListener;
import io.genai4j.rag.ingest.Indexer;
import io.genai4j.rag.load.Loader;
import io.genai4j.rag.retrieve.Mode;
import io.genai4j.rag.retrieve.Retriever;
import io.genai4j.rag.split.Splitter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The RAG playground in headless Chromium: a pasted and an uploaded document indexed, a question
 * answered extractively (no chat model), checked against an index the rag module builds directly.
 */
class RagPageTest extends ModelFreeStudio {
    private static final String TEA = """
            # Tea

            ## Green tea
            Green tea is steeped for two to three minutes in water at about 80 degrees. Boiling water makes it bitter.

            ## Black tea
            Black tea wants boiling water and four to five minutes. Milk is often added in Britain.

            ## Storage
            Keep tea leaves in an airtight tin, away from light and the smell of spices.
            """;
    private static final String COFFEE = """
            Espresso is brewed by forcing hot water through finely ground coffee at nine bars of pressure.
            A shot takes about twenty-five seconds and yields thirty millilitres.

            A French press steeps coarse coffee grounds for four minutes before the plunger is pushed down.
            """;
    private static final String QUESTION = "How long should green tea steep?";

    @Test
    void indexAPastedAndAnUploadedDocumentAskAndSeeTheCitedChunksWithTheirScores(@TempDir Path dir) throws Exception {
        Path coffee = Files.writeString(dir.resolve("coffee.txt"), COFFEE);
        StudioBrowser b = StudioBrowser.get();
        b.open(page("rag"));
        b.await("the empty index", () -> b.find("#rag-ask").getDomProperty("disabled").equals("true"));
        b.find("#rag-paste-name").clear();
        b.find("#rag-paste-name").sendKeys("tea.md");
        b.find("#rag-paste").sendKeys(TEA);
        b.find("#rag-files").sendKeys(coffee.toAbsolutePath().toString());
        b.find("#rag-index-start").click();
        b.await("the indexing", () -> b.find("#rag-index-status").getText().startsWith("Indexed: 2 new"));
        b.await("the documents", () -> b.all("#rag-documents li").size() == 2);
        List<String> docs = b.all("#rag-documents li").stream().map(WebElement::getText).toList();
        assertTrue(docs.get(0).startsWith("coffee.txt (") && docs.get(1).startsWith("tea.md ("), docs.toString());

        b.find("#rag-question").sendKeys(QUESTION);
        b.find("#rag-k").clear();
        b.find("#rag-k").sendKeys("3", Keys.ENTER);
        b.await("the answer", () -> b.find("#rag-ask-status").getText().startsWith("Extractive answer"));

        // the reference: the same documents indexed and asked through the rag module itself
        Embedder embedder = Embedder.load(RagPlayground.MODEL);
        try (RagIndex index = RagIndex.open(dir.resolve("index"), embedder.name(), embedder.dimension())) {
            Indexer indexer = new Indexer(index, embedder, Splitter.of(embedder.tokenizer(), RagPlayground.CHUNK_TOKENS, RagPlayground.OVERLAP),
                    IndexListener.NONE, 32);
            indexer.add(Loader.forName("tea.md").load("tea.md", TEA.getBytes(StandardCharsets.UTF_8)));
            indexer.add(Loader.forName("coffee.txt").load("coffee.txt", COFFEE.getBytes(StandardCharsets.UTF_8)));
            indexer.finish(false);
            try (RagSearcher searcher = index.searcher()) {
                Retriever retriever = new Retriever(searcher, embedder);
                List<Hit> hits = retriever.search(QUESTION, Retriever.Query.of(Mode.HYBRID, 3));
                Answer answer = new RagAnswerer(retriever, embedder, null, null, RagPlayground.SENTENCES).answer(QUESTION, hits, ChatListener.NONE);
                assertEquals(answer.text().replace("**", ""), b.find("#rag-answer").getDomProperty("textContent"), "the extractive answer");
                List<WebElement> shown = b.all("#rag-sources .source");
                assertEquals(hits.stream().map(h -> h.chunk().text()).toList(),
                        shown.stream().map(s -> s.findElement(By.cssSelector(".chunk")).getDomProperty("textContent")).toList(), "the chunks, best first");
                assertTrue(hits.getFirst().chunk().heading().contains("Green tea"), hits.getFirst().chunk().toString());
                for (int n : answer.citations().cited()) {
                    assertTrue(shown.get(n - 1).getDomAttribute("class").contains("cited"), "source " + n + " is marked cited");
                }
                assertTrue(!answer.citations().cited().isEmpty());

                Map<String, Double> bm25 = new java.util.HashMap<>();
                for (Hit h : searcher.bm25(QUESTION, Retriever.DEPTH, Filter.NONE)) bm25.put(h.chunk().id(), h.score());
                JsonNode asked = StudioHttp.post(server, "rag/ask", "{\"question\":\"" + QUESTION + "\",\"mode\":\"hybrid\",\"k\":3}");
                for (int i = 0; i < hits.size(); i++) {
                    JsonNode s = asked.get("sources").get(i);
                    assertEquals(hits.get(i).score(), s.get("hybrid").doubleValue(), 1e-6, "the hybrid score of " + i);
                    Double words = bm25.get(hits.get(i).chunk().id());
                    if (words == null) assertTrue(s.get("bm25").isNull());
                    else assertEquals(words, s.get("bm25").doubleValue(), 1e-5, "the BM25 score of " + i);
                    String chip = shown.get(i).findElement(By.cssSelector(".score[data-view='hybrid']")).getText();
                    assertTrue(chip.startsWith("hybrid 0.0"), chip);
                    assertTrue(shown.get(i).findElement(By.cssSelector(".score[data-view='dense']")).getText().matches("dense (0\\.\\d{4}|—)"));
                }
            }
        }
        b.screenshots("rag");
        b.assertNoConsoleErrors();
    }
}
