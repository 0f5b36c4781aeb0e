package io.genai4j.cli.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genai4j.cli.CliRun;
import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.chat.ChatListener;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatModel;
import io.genai4j.llm.chat.ChatRequest;
import io.genai4j.llm.chat.ChatResponse;
import io.genai4j.rag.answer.RagAnswerer;
import io.genai4j.rag.embed.Embedder;
import io.genai4j.rag.index.RagSearcher;
import io.genai4j.rag.retrieve.Retriever;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rag serve answers over HTTP with the same answer, citations and chunks as rag ask, and refuses bad requests by field. */
class RagServeTest {
    @TempDir
    static Path tmp;
    static Path index;
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void index() throws Exception {
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("tea.md"), "# Tea\n\nBlack tea is brewed with boiling water for four minutes.\n");
        Files.writeString(docs.resolve("lucene.md"), "# Lucene\n\nLucene segments are immutable. Deletes are marked in a bitset.\n");
        index = tmp.resolve("index");
        CliRun r = CliRun.of("rag", "index", docs.toString(), "--index", index.toString());
        assertEquals(0, r.code(), r.err());
    }

    static HttpResponse<String> post(int port, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ask")).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anExtractiveAnswerCitesTheRightChunkAndMatchesRagAsk() throws Exception {
        try (RagSearcher searcher = RagSearcher.open(index)) {
            Embedder e = RagAsk.embedder(index, null);
            RagAnswerer answerer = new RagAnswerer(new Retriever(searcher, e), e, null, null, 2);
            try (RagHttp http = new RagHttp(answerer, e.name(), searcher.size(), 5, Throwable::printStackTrace).start("127.0.0.1", 0)) {
                HttpResponse<String> r = post(http.port(), "{\"question\":\"How is black tea brewed?\",\"k\":2}");
                assertEquals(200, r.statusCode(), r.body());
                JsonNode a = JSON.readTree(r.body());
                assertEquals("tea.md", a.get("sources").get(0).get("source").asText());
                assertEquals(2, a.get("sources").size());
                assertEquals(1, a.get("cited").get(0).asInt());
                assertTrue(a.get("answer").asText().contains("[1]"), r.body());
                JsonNode ask = CliRun.of("rag", "ask", "How is black tea brewed?", "--index", index.toString(), "-k", "2", "--json").json();
                assertEquals(ask.get("answer"), a.get("answer"));
                assertEquals(ask.get("sources"), a.get("sources"));

                HttpResponse<String> health = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, health.statusCode());
                assertEquals(searcher.size(), JSON.readTree(health.body()).get("chunks").asInt());
            }
        }
    }

    @Test
    void aGeneratorWritesTheAnswerFromNumberedSourcesAndItsCitationsAreChecked() throws Exception {
        List<ChatRequest> seen = new ArrayList<>();
        ChatModel cites = new ChatModel() {
            @Override
            public String name() {
                return "citer";
            }

            @Override
            public synchronized ChatResponse chat(ChatRequest request, ChatListener listener) {
                seen.add(request);
                return new ChatResponse(ChatMessage.assistant("Four minutes in boiling water [1], see also [7]."), "stop", new ChatResponse.Usage(1, 1, 0, 0));
            }
        };
        try (RagSearcher searcher = RagSearcher.open(index)) {
            Embedder e = RagAsk.embedder(index, null);
            RagAnswerer answerer = new RagAnswerer(new Retriever(searcher, e), e, cites, GenerationOptions.greedy(32), 2);
            try (RagHttp http = new RagHttp(answerer, e.name(), searcher.size(), 2, Throwable::printStackTrace).start("127.0.0.1", 0)) {
                JsonNode a = JSON.readTree(post(http.port(), "{\"question\":\"How is black tea brewed?\",\"mode\":\"bm25\"}").body());
                assertEquals("generated by citer", a.get("method").asText());
                assertEquals("[1]", a.get("cited").toString());
                assertEquals("[7]", a.get("invalid_citations").toString());
                assertTrue(seen.getFirst().messages().getLast().content().contains("Black tea is brewed"), "the chunks reach the prompt");
            }
        }
    }

    @Test
    void badRequestsAre400sNamingTheField() throws Exception {
        try (RagSearcher searcher = RagSearcher.open(index)) {
            RagAnswerer answerer = new RagAnswerer(new Retriever(searcher, null), null, null, null, 2);
            try (RagHttp http = new RagHttp(answerer, "none", searcher.size(), 5, Throwable::printStackTrace).start("127.0.0.1", 0)) {
                for (String[] c : new String[][] {{"not json", "not valid JSON"}, {"{}", "\"question\""}, {"{\"question\":\"x\",\"k\":\"five\"}", "\"k\""},
                        {"{\"question\":\"x\",\"k\":0}", "k must be"}, {"{\"question\":\"x\",\"mode\":\"fuzzy\"}", "fuzzy"}}) {
                    HttpResponse<String> r = post(http.port(), c[0]);
                    assertEquals(400, r.statusCode(), c[0] + " -> " + r.body());
                    assertTrue(JSON.readTree(r.body()).get("error").asText().contains(c[1]), c[0] + " -> " + r.body());
                }
            }
        }
    }
}
