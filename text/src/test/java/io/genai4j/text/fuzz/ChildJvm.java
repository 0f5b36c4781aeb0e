package io.genai4j.text.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a class's main in a child JVM with a small heap, so an allocation bomb in a parser fails
 * the fuzz test with an OutOfMemoryError instead of quietly succeeding in the 4 GB test JVM. The
 * child gets the test's own class path (Surefire's manifest jar works, its Class-Path is followed).
 */
public final class ChildJvm {
    private ChildJvm() {}

    /** The child's exit code and output; a fuzz main's last line holds its counts ({@link FuzzTally#SUMMARY}). */
    public record Result(int exitCode, String output) {
        public long accepted() {
            return count("accepted");
        }

        public long rejected() {
            return count("rejected");
        }

        private long count(String name) {
            Matcher m = Pattern.compile("fuzz summary: .*\\b" + name + "=(\\d+)").matcher(output);
            if (!m.find()) throw new AssertionError("no fuzz summary in the child's output:\n" + output);
            return Long.parseLong(m.group(1));
        }
    }

    /**
     * Runs a fuzz main (arguments: how many mutants, the seed) under a 256 MB heap for at most five
     * minutes. It must exit cleanly having both accepted and rejected some mutants (or the mutations
     * are not reaching the checks); the counts are printed under {@code what}.
     */
    public static void fuzz(String what, Class<?> main, int mutants, long seed) throws IOException, InterruptedException {
        Result r = run(main, "256m", 300, Integer.toString(mutants), Long.toString(seed));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.accepted() > 0 && r.rejected() > 0, r.output());
        System.out.println(what + " fuzz: accepted " + r.accepted() + ", rejected " + r.rejected());
    }

    public static Result run(Class<?> main, String maxHeap, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + maxHeap);
        cmd.add("-XX:+UseSerialGC"); // one GC thread: the machine is shared
        cmd.add("--add-modules=jdk.incubator.vector");
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("fuzz-child", ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError(main.getSimpleName() + " did not finish in " + timeoutSeconds + " s (a hang?):\n" + tail(log));
            }
            return new Result(p.exitValue(), tail(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The output, at most its last 20,000 characters (a trace is near the end). */
    private static String tail(Path log) throws IOException {
        String s = Files.readString(log, StandardCharsets.UTF_8);
        return s.length() <= 20_000 ? s : "..." + s.substring(s.length() - 20_000);
    }
}
