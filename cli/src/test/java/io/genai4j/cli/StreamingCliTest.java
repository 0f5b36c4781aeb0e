package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gpt sample, rnn sample and ngram generate print each token as it is drawn (flushed), as run does; the --json line is unchanged. */
class StreamingCliTest {
    @TempDir
    static Path dir;
    static Path corpus;

    @BeforeAll
    static void corpus() throws Exception {
        corpus = TestData.toyCorpus(dir);
    }

    /** stdout, and how many times the command flushed it (a streamed text flushes once per token). */
    record Streamed(int code, String out, int flushes, String err) {
        JsonNode json() throws Exception {
            return new CliRun(code, out, err).json();
        }

        String textLines() {
            return out.substring(0, out.lastIndexOf('{'));
        }
    }

    static synchronized Streamed run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        int[] flushes = {0};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void flush() {
                flushes[0]++;
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, false, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            System.out.flush();
            return new Streamed(code, out.toString(StandardCharsets.UTF_8), flushes[0], err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void gptSampleStreams() throws Exception {
        Streamed s = run("gpt", "sample", "--prompt", "ROMEO:", "--tokens", "40", "--seed", "7", "--json");
        assertEquals(0, s.code(), s.err());
        assertTrue(s.flushes() >= 40, "one flush per token, got " + s.flushes());
        assertEquals("ROMEO:" + s.json().get("text").asText() + "\n", s.textLines());
    }

    @Test
    void rnnSampleStreams() throws Exception {
        Path ck = dir.resolve("lstm.safetensors");
        CliRun t = CliRun.of("rnn", "train", "--corpus", corpus.toString(), "--max-steps", "3", "--hidden", "16", "--embed", "8", "--layers", "1",
                "--batch-size", "4", "--seq-len", "16", "--warmup", "1", "--out", ck.toString());
        assertEquals(0, t.code(), t.err());
        Streamed s = run("rnn", "sample", "--model", ck.toString(), "--prompt", "the ", "--chars", "30", "--json");
        assertEquals(0, s.code(), s.err());
        assertTrue(s.flushes() >= 30, "one flush per character, got " + s.flushes());
        assertEquals(s.json().get("text").asText() + "\n", s.textLines());
    }

    @Test
    void ngramGenerateStreams() throws Exception {
        Path model = dir.resolve("m.bin");
        assertEquals(0, CliRun.of("ngram", "train", "--corpus", corpus.toString(), "--unit", "word", "--order", "3", "--out", model.toString()).code());
        Streamed s = run("ngram", "generate", "--model", model.toString(), "--corpus", corpus.toString(), "--prompt", "the cat", "--tokens", "25", "--json");
        assertEquals(0, s.code(), s.err());
        assertTrue(s.flushes() >= 25, "one flush per token, got " + s.flushes());
        assertTrue(s.textLines().startsWith(s.json().get("text").asText() + "\n\n— "), s.out());
    }
}
