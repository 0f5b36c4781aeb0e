package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** genai run / chat with --json-schema, --grammar and --regex on a tiny random model. */
class ConstrainedRunCliTest {
    @TempDir
    Path tmp;

    private Path gguf() throws Exception {
        return LlmCliTest.tinyGguf(tmp);
    }

    @Test
    void outputFollowsTheSchemaTheGrammarOrTheRegex() throws Exception {
        Path g = gguf();
        Path schema = Files.writeString(tmp.resolve("s.json"),
                "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":99},\"ok\":{\"type\":\"boolean\"}},\"required\":[\"n\",\"ok\"]}");
        CliRun r = CliRun.of("run", g.toString(), "--prompt", "Hi", "--json-schema", schema.toString(), "--max-tokens", "60", "--temperature", "1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.json().get("text").asText());
        int n = doc.get("n").asInt();
        assertTrue(n >= 1 && n <= 99 && doc.get("ok").isBoolean(), doc.toString());
        assertEquals("stop", r.json().get("stop").asText());
        Path grammar = Files.writeString(tmp.resolve("g.gbnf"), "root ::= (\"yes\" | \"no\") \", \" [0-9]{2}\n");
        CliRun gr = CliRun.of("run", g.toString(), "--prompt", "Hi", "--grammar", grammar.toString(), "--max-tokens", "20", "--json");
        assertEquals(0, gr.code(), gr.err());
        assertTrue(gr.json().get("text").asText().matches("(yes|no), [0-9]{2}"), gr.out());
        CliRun re = CliRun.of("run", g.toString(), "--prompt", "Hi", "--regex", "[A-Z]{2}-[0-9]{3}", "--max-tokens", "20", "--json");
        assertEquals(0, re.code(), re.err());
        assertTrue(re.json().get("text").asText().matches("[A-Z]{2}-[0-9]{3}"), re.out());
        InputStream old = System.in;
        try {
            System.setIn(new ByteArrayInputStream("Hello\n/exit\n".getBytes(StandardCharsets.UTF_8)));
            CliRun chat = CliRun.of("chat", g.toString(), "--max-tokens", "20", "--regex", "(ok|fine)!");
            assertEquals(0, chat.code(), chat.err());
            assertTrue(chat.out().contains("> ok!\n") || chat.out().contains("> fine!\n"), chat.out());
        } finally {
            System.setIn(old);
        }
    }

    @Test
    void badSchemasAndGrammarsAreOneLineErrorsNamingFileAndPlace() throws Exception {
        Path g = gguf();
        Path schema = Files.writeString(tmp.resolve("bad.json"), "{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"integer\",\"multipleOf\":3}}}");
        CliRun r = CliRun.of("run", g.toString(), "--prompt", "Hi", "--json-schema", schema.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--json-schema " + schema + ": #/properties/x/multipleOf: unsupported JSON Schema keyword 'multipleOf'"), r.err());
        assertEquals(1, r.err().strip().lines().filter(l -> l.startsWith("genai:")).count(), r.err());
        Path grammar = Files.writeString(tmp.resolve("bad.gbnf"), "root ::= item\nitem ::= [a-z\n");
        CliRun gr = CliRun.of("run", g.toString(), "--prompt", "Hi", "--grammar", grammar.toString());
        assertEquals(2, gr.code(), gr.err());
        assertTrue(gr.err().contains("--grammar " + grammar + ": line 3, column 1: unterminated character class"), gr.err());
        CliRun both = CliRun.of("run", g.toString(), "--prompt", "Hi", "--grammar", grammar.toString(), "--regex", "a");
        assertEquals(2, both.code(), both.err());
    }
}
