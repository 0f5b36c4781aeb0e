package io.genai4j.cli.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end check of the issue: the project's own README (a snapshot), indexed as a user would, answers
 * questions about the project with a citation of the chunk that holds the answer.
 */
class ReadmeQuestionsTest {
    @TempDir
    Path tmp;

    static JsonNode ask(String index, String question) throws Exception {
        CliRun r = CliRun.of("rag", "ask", question, "--index", index, "-k", "3", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode a = r.json();
        assertEquals(0, a.get("invalid_citations").size(), r.out());
        assertTrue(a.get("cited").size() > 0, r.out());
        return a;
    }

    static boolean cited(JsonNode answer, String phrase) {
        for (JsonNode n : answer.get("cited")) if (answer.get("sources").get(n.asInt() - 1).get("text").asText().contains(phrase)) return true;
        return false;
    }

    @Test
    void questionsAboutTheProjectAreAnsweredFromTheReadmeWithCitations() throws Exception {
        // A snapshot of the project's README (3 Dec 2026), so that editing the README never changes what this checks.
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        try (var in = ReadmeQuestionsTest.class.getResourceAsStream("readme-snapshot.md")) {
            assertTrue(in != null, "the README snapshot is a test resource");
            Files.copy(in, docs.resolve("README.md"));
        }
        String index = tmp.resolve("index").toString();
        CliRun indexed = CliRun.of("rag", "index", docs.toString(), "--index", index, "--json");
        assertEquals(0, indexed.code(), indexed.err());
        // the extractive answer cites the chunk that holds the answer
        JsonNode pdf = ask(index, "Which library loads PDF files for RAG?");
        assertTrue(cited(pdf, "PDFBox"), pdf.toString());
        // the answer is retrieved (top 3), though the extractive sentences pick a neighbour: a generator would read it there
        JsonNode lora = ask(index, "In which layout are LoRA adapters written?");
        assertTrue(lora.get("sources").toString().contains("adapter_config.json"), lora.toString());
    }
}
