package io.genai4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assertions;

/** Runs the CLI in-process and captures its exit code, stdout and stderr (public: the bench module's tests use it). */
public record CliRun(int code, String out, String err) {
    public static synchronized CliRun of(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** The project convention: the last stdout line is one JSON object. */
    public JsonNode json() throws Exception {
        String[] lines = out.strip().split("\n");
        return new ObjectMapper().readTree(lines[lines.length - 1]);
    }

    /**
     * Runs the command and checks the convention for a user's mistake (DESIGN.md): exit code 2 and
     * one line on stderr, {@code genai: ...}, that contains {@code fragment}.
     */
    public static CliRun assertUserError(String fragment, String... args) {
        CliRun r = of(args);
        String context = String.join(" ", args) + "\n" + r.err();
        Assertions.assertEquals(2, r.code(), context);
        Assertions.assertTrue(r.err().startsWith("genai: ") && r.err().contains(fragment), context);
        Assertions.assertEquals(1, r.err().strip().lines().count(), "one line: " + context);
        return r;
    }
}
