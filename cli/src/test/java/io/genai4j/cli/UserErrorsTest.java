package io.genai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad input is one escaped line and exit 2; a bug is announced as an internal error with its trace and exit 1. */
class UserErrorsTest {
    @TempDir
    Path dir;

    private record Report(int code, String err) {}

    private static Report report(Throwable ex) {
        StringWriter sw = new StringWriter();
        int code = UserErrors.report(ex, new PrintWriter(sw));
        return new Report(code, sw.toString());
    }

    @Test
    void aBadFileIsOneLineAndExitTwo() {
        Report r = report(new IllegalArgumentException("tokenizer.json: model.vocab[\"a\"] must be an integer in 0..50000000, found string \"x\""));
        assertEquals(UserErrors.USER_ERROR, r.code());
        assertEquals("genai: tokenizer.json: model.vocab[\"a\"] must be an integer in 0..50000000, found string \"x\"\n", r.err().replace("\r", ""));
    }

    @Test
    void aParserBugIsAnInternalErrorWithItsTrace() {
        for (Throwable bug : new Throwable[] {new ClassCastException("class java.lang.String cannot be cast to class java.lang.Number"),
                new ArrayIndexOutOfBoundsException("Index 7 out of bounds for length 3"), new NullPointerException(), new StackOverflowError()}) {
            Report r = report(bug);
            assertEquals(UserErrors.INTERNAL_ERROR, r.code(), r.err());
            String[] lines = r.err().split("\n");
            assertEquals(UserErrors.INTERNAL + bug, lines[0]);
            assertTrue(lines.length > 2 && lines[2].strip().startsWith("at "), "the trace follows: " + r.err());
        }
    }

    @Test
    void outOfMemoryNamesTheHeap() {
        Report r = report(new OutOfMemoryError("Java heap space"));
        assertEquals(UserErrors.INTERNAL_ERROR, r.code());
        assertTrue(r.err().startsWith("genai: out of memory (the Java heap is at most "), r.err());
    }

    @Test
    void controlCharactersFromFilesAreEscapedAndLongLinesCut() {
        Report r = report(new IOException("model " + "\u001b[2J\u001b[31mevil\u0007" + " is bad"));
        assertEquals("genai: model \\x1b[2J\\x1b[31mevil\\x07 is bad\n", r.err().replace("\r", ""));
        Report bug = report(new ClassCastException("\u001b]0;title\u0007" + "y".repeat(100_000)));
        assertFalse(bug.err().contains("\u001b"), "the trace's message line is escaped too");
        for (String line : bug.err().split("\n")) assertTrue(line.length() < UserErrors.MAX_LINE_CHARS + 100, "cut: " + line.length());
    }

    @Test
    void theFileSystemsOwnExceptionsSayWhatWentWrong() {
        Path missing = dir.resolve("missing.bin");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Files.readAllBytes(missing));
        assertEquals(missing.toString(), e.getMessage(), "the JDK's message is the bare path");
        assertEquals("no such file or folder: " + missing, UserErrors.message(e));
        assertEquals("no model at x (expected a file)", UserErrors.message(new NoSuchFileException("no model at x (expected a file)")),
                "genai4j's own sentences are kept");
    }

    @Test
    void safetensorsConvertSaysWhatItFound() throws Exception {
        CliRun missing = CliRun.of("safetensors", "convert", dir.resolve("none.safetensors").toString(), "--out", dir.resolve("o.safetensors").toString());
        assertEquals(2, missing.code(), missing.err());
        assertEquals("genai: " + dir.resolve("none.safetensors") + ": expected a .safetensors file, found nothing there", missing.err().strip());
        Path folder = Files.createDirectories(dir.resolve("weights"));
        Files.writeString(folder.resolve("model.safetensors"), "x");
        CliRun isDir = CliRun.of("safetensors", "convert", folder.toString(), "--out", dir.resolve("o.safetensors").toString());
        assertEquals(2, isDir.code(), isDir.err());
        assertEquals("genai: " + folder + ": expected a .safetensors file, found a folder holding model.safetensors", isDir.err().strip());
    }

    @Test
    void tokenizeSaysWhatTheFolderHolds() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("model"));
        Files.writeString(folder.resolve("config.json"), "{}");
        CliRun r = CliRun.of("tokenize", folder.toString(), "hello");
        assertEquals(2, r.code(), r.err());
        assertEquals("genai: " + folder + ": expected a model folder with Hugging Face's tokenizer.json (or a .gguf file), found a folder holding config.json",
                r.err().strip());
    }

    @Test
    void hostileTokenizerJsonIsOneEscapedLine() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("hostile"));
        String[][] cases = {
                {"{\"model\":{\"type\":\"BPE\",\"vocab\":{\"a\":0,\"b\":500000000},\"merges\":[]}}", "model.vocab[\"b\"] must be an integer in 0..50000000, found number 500000000"},
                {"{\"model\":{\"type\":\"BPE\",\"vocab\":{\"a\":0,\"b\":5000000},\"merges\":[]}}", "token id 5000000 is far beyond the 2 tokens"},
                {"{\"model\":{\"type\":\"BPE\",\"vocab\":{\"a\":\"zero\"}}}", "model.vocab[\"a\"] must be an integer in 0..50000000, found string \"zero\""},
                {"{\"model\":{\"type\":\"\\u001b[31mBPE\"}}", "tokenizer model \\x1b[31mBPE is not supported"},
        };
        for (String[] c : cases) {
            Files.writeString(folder.resolve("tokenizer.json"), c[0]);
            CliRun r = CliRun.of("tokenize", folder.toString(), "hello");
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains(c[1]) && r.err().strip().lines().count() == 1 && !r.err().contains("\u001b"), r.err());
        }
    }

    @Test
    void aDamagedNgramModelIsOneLine() throws Exception {
        Path corpus = Files.writeString(dir.resolve("toy.txt"), "the cat sat on the mat.\n".repeat(40));
        Path model = dir.resolve("m.bin");
        assertEquals(0, CliRun.of("ngram", "train", "--corpus", corpus.toString(), "--unit", "char", "--order", "3", "--out", model.toString()).code());
        byte[] b = Files.readAllBytes(model);
        Files.write(model, java.util.Arrays.copyOf(b, b.length - 20));
        CliRun r = CliRun.of("ngram", "next", "the", "--model", model.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("genai: " + model + " is truncated or damaged") && r.err().strip().lines().count() == 1, r.err());
        CliRun missing = CliRun.of("ngram", "next", "the", "--model", dir.resolve("nope.bin").toString());
        assertEquals(2, missing.code(), missing.err());
        assertEquals("genai: model file not found: " + dir.resolve("nope.bin") + " (expected a file from genai ngram train --out FILE, found nothing there)",
                missing.err().strip());
    }
}
