package io.genai4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genai4j.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code genai bench matmul} end to end, on sizes small enough for a test. */
class BenchMatmulTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int code, String out, String err) {
        JsonNode lastJson() throws Exception {
            List<String> lines = out.lines().toList();
            return JSON.readTree(lines.get(lines.size() - 1));
        }
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void openblasBackendReportsJsonAndItsLibrary() throws Exception {
        Run r = run("bench", "matmul", "--backend", "openblas", "--m", "64", "--n", "48", "--k", "32",
                "--threads", "1", "--warmup", "1", "--repeats", "3", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("openblas: OpenBLAS"), r.out());
        JsonNode j = r.lastJson();
        assertEquals("matmul", j.get("op").asText());
        assertEquals("openblas", j.get("backend").asText());
        assertEquals(64, j.get("m").asInt());
        assertEquals(1, j.get("threads").asInt());
        assertTrue(j.get("gflops").asDouble() > 0, j.toString());
        assertTrue(!j.has("peer"), "no peer fields without --peer: " + j);
    }

    @Test
    void numpyPeerAddsItsFiguresOrSaysWhyNot() throws Exception {
        Run r = run("bench", "matmul", "--m", "32", "--n", "32", "--k", "32", "--threads", "1",
                "--warmup", "1", "--repeats", "4", "--rounds", "2", "--peer", "numpy", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.lastJson();
        if (r.err().contains("no numpy figure")) {
            // No Python or numpy here: the Java figure alone, with the reason on stderr.
            assertTrue(!j.has("peer"), j.toString());
        } else {
            assertEquals("numpy", j.get("peer").asText(), r.out() + r.err());
            double ratio = j.get("ratio").asDouble();
            assertEquals(j.get("gflops").asDouble() / j.get("peer_gflops").asDouble(), ratio, 0.01 * ratio + 0.01);
            assertTrue(r.out().contains("java/numpy = "), r.out());
        }
    }

    @Test
    void missingPythonGivesTheJavaFigureAndAClearMessage() throws Exception {
        System.setProperty("genai.python", "/nonexistent/python3");
        try {
            Run r = run("bench", "matmul", "--m", "16", "--n", "16", "--k", "16", "--threads", "1",
                    "--repeats", "2", "--peer", "numpy", "--json");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.err().contains("no numpy figure") && r.err().contains("GENAI_PYTHON"), r.err());
            assertTrue(!r.lastJson().has("peer"));
        } finally {
            System.clearProperty("genai.python");
        }
    }

    @Test
    void unknownPeerIsAUserError() {
        Run r = run("bench", "matmul", "--m", "8", "--n", "8", "--k", "8", "--peer", "torch");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown peer 'torch': expected numpy"), r.err());
    }
}
