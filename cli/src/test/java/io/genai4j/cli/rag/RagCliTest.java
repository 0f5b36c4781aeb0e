package io.genai4j.cli.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RagCliTest {
    @TempDir
    Path tmp;

    @Test
    void indexThenAskAnswersWithACitationOfTheRightFileAndReindexSkipsUnchangedFiles() throws Exception {
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("lucene.md"), "# Lucene\n\n## Segments\n\nLucene segments are immutable. Deletes are marked in a bitset.\n");
        Files.writeString(docs.resolve("tea.md"), "# Tea\n\nGreen tea is brewed at about eighty degrees for two minutes.\n");
        Files.writeString(docs.resolve("page.html"), "<title>Trains</title><p>The fastest trains run at over three hundred kilometres per hour.</p>");
        Files.writeString(docs.resolve("broken.pdf"), "not a pdf");
        String index = tmp.resolve("index").toString();

        CliRun first = CliRun.of("rag", "index", docs.toString(), "--index", index, "--json");
        assertEquals(0, first.code(), first.err());
        JsonNode j = first.json();
        assertEquals(3, j.get("added").asInt());
        assertEquals(1, j.get("skipped").asInt());
        assertTrue(first.err().contains("skipped ") && first.err().contains("broken.pdf"), first.err());

        Files.writeString(docs.resolve("tea.md"), "# Tea\n\nBlack tea is brewed with boiling water for four minutes.\n");
        Files.delete(docs.resolve("page.html"));
        JsonNode again = CliRun.of("rag", "index", docs.toString(), "--index", index, "--json").json();
        assertEquals(1, again.get("updated").asInt());
        assertEquals(1, again.get("unchanged").asInt());
        assertEquals(1, again.get("deleted").asInt());

        CliRun ask = CliRun.of("rag", "ask", "How", "is", "black", "tea", "brewed?", "--index", index, "-k", "2", "--json");
        assertEquals(0, ask.code(), ask.err());
        JsonNode a = ask.json();
        assertEquals("tea.md", a.get("sources").get(0).get("source").asText());
        assertEquals(1, a.get("cited").get(0).asInt());
        assertTrue(a.get("answer").asText().contains("[1]"), a.get("answer").asText());
        assertEquals(0, a.get("invalid_citations").size());
        assertTrue(ask.out().contains("[1] cited Tea (tea.md)"), ask.out());   // the H1 is the title and is not repeated as a heading
    }

    @Test
    void askingAMissingIndexIsOneLineAndExitTwo() {
        CliRun r = CliRun.of("rag", "ask", "anything", "--index", tmp.resolve("none").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("genai rag index"), r.err());
        CliRun bad = CliRun.of("rag", "ask", "x", "--index", tmp.toString(), "--mode", "fuzzy");
        assertEquals(2, bad.code());
    }
}
