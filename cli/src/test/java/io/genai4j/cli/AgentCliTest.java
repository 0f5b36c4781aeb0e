package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code genai agent} prints the trace of the shipped assistant calling the calculator; {@code genai assistant eval} reports its figures. */
class AgentCliTest {
    @Test
    void theAgentPrintsEveryStepAndItsJson() throws Exception {
        CliRun r = CliRun.of("agent", "tiny-assistant", "--tools", "calc,time", "What is 12 * 7?", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("[1] model calls calculator {\"expression\": \"12 * 7\"}"), r.out());
        assertTrue(r.out().contains("[1] calculator returns 84"), r.out());
        JsonNode j = r.json();
        assertEquals("calculator", j.get("trace").get(0).get("tool_calls").get(0).get("name").asText());
        assertEquals("tool_calls", j.get("trace").get(0).get("finish_reason").asText());
        assertEquals("84", j.get("trace").get(1).get("result").asText());
        assertEquals("finished", j.get("trace").get(j.get("trace").size() - 1).get("event").asText());
        assertEquals(2, j.get("steps").asInt());
    }

    @Test
    void anUnknownToolIsAUserError() {
        CliRun r = CliRun.of("agent", "tiny-assistant", "--tools", "calc,shell", "hi");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("unknown tool shell in --tools"), r.err());
    }

    @Test
    void aQuestionCountBelowOneIsAUserError() {
        CliRun.assertUserError("--questions must be >= 1, got -1", "assistant", "eval", "--questions", "-1");
    }

    @Test
    void evalReportsTheShareOfHeldOutQuestions() throws Exception {
        CliRun r = CliRun.of("assistant", "eval", "--questions", "4", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(4, j.get("questions").asInt());
        assertEquals(true, j.get("constrained").asBoolean());   // tool calls held to their schemas by default
        assertTrue(j.get("share").asDouble() >= 0 && j.get("share").asDouble() <= 1);
        JsonNode free = CliRun.of("assistant", "eval", "--questions", "4", "--no-constrained", "--temperature", "1", "--json").json();
        assertEquals(false, free.get("constrained").asBoolean());
        assertEquals(1.0, free.get("temperature").asDouble());
    }

    @Test
    void theRagToolSearchesAnIndexForTheAgent(@TempDir Path tmp) throws Exception {
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("zorbel.md"), "# Zorbel\n\nThe Zorbel project stores its notes in the blue cabinet.\n");
        Files.writeString(docs.resolve("tea.md"), "# Tea\n\nBlack tea is brewed with boiling water for four minutes.\n");
        String index = tmp.resolve("index").toString();
        assertEquals(0, CliRun.of("rag", "index", docs.toString(), "--index", index).code());
        CliRun r = CliRun.of("agent", "tiny-assistant", "Where does the Zorbel project store its notes?", "--tools", "rag,calc", "--index", index,
                "--rag-k", "1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode search = null;
        for (JsonNode e : r.json().get("trace")) if ("tool".equals(e.get("event").asText())) search = e;
        assertTrue(search != null && search.get("name").asText().equals("search"), r.out());
        assertTrue(search.get("result").asText().startsWith("[1] Zorbel (zorbel.md): The Zorbel project stores"), search.get("result").asText());

        CliRun missing = CliRun.of("agent", "tiny-assistant", "x", "--tools", "rag", "--index", tmp.resolve("none").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("genai rag index"), missing.err());
    }
}
