package io.genai4j.rag.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety from Lucene commits: a child JVM indexes batches as fast as it can and is killed
 * with SIGKILL at some point of its work. The index must open, hold every batch the child reported
 * committed, and hold only whole batches (a batch is all there or not at all). Repeated at two
 * kill points, so kills land in different phases (adding, flushing, committing).
 */
class KillMidIndexTest {
    private static final int BATCH = 40;
    private static final Pattern COMMITTED = Pattern.compile("committed (\\d+)");

    @TempDir
    Path tmp;

    @Test
    void aKilledIndexerLosesAtMostTheUncommittedBatch() throws Exception {
        for (int minCommits : new int[] {1, 4}) {
            Path dir = tmp.resolve("index-" + minCommits), log = tmp.resolve("child-" + minCommits + ".log");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"), CommitBatchesChild.class.getName(), dir.toString(), Integer.toString(BATCH)));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int reported = awaitCommits(p, log, minCommits);
            p.destroyForcibly();   // SIGKILL: no shutdown hooks, no rollback
            if (!p.waitFor(30, TimeUnit.SECONDS)) fail("child survived SIGKILL");
            reported = Math.max(reported, lastCommit(Files.readString(log)));

            try (RagSearcher s = RagSearcher.open(dir)) {
                Map<String, Integer> perBatch = new HashMap<>();
                s.forEachChunk((c, digest) -> perBatch.merge(c.source().substring(0, c.source().indexOf('/')), 1, Integer::sum));
                for (var e : perBatch.entrySet()) assertEquals(BATCH, e.getValue(), "batch " + e.getKey() + " is whole");
                assertTrue(perBatch.size() >= reported, perBatch.size() + " batches in the index, " + reported + " reported committed");
                assertTrue(perBatch.size() <= reported + 1, "at most the batch being committed when killed is extra");
                for (int b = 0; b < reported; b++) assertTrue(perBatch.containsKey("batch" + b), "batch" + b + " survives");
            }
            try (RagIndex reopened = RagIndex.open(dir, "test-model", 16)) {   // and it can be written again
                reopened.delete("batch0/doc0");
                reopened.commit();
            }
        }
    }

    private static int awaitCommits(Process p, Path log, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String out = Files.exists(log) ? Files.readString(log) : "";
            int last = lastCommit(out);
            if (last >= n) return last;
            if (!p.isAlive()) fail("child exited (" + p.exitValue() + ") after " + last + " commits:\n" + out);
            Thread.sleep(5);
        }
        p.destroyForcibly();
        fail("child did not commit " + n + " batches in time:\n" + Files.readString(log));
        return -1;
    }

    private static int lastCommit(String out) {
        Matcher m = COMMITTED.matcher(out);
        int last = 0;
        while (m.find()) last = Integer.parseInt(m.group(1));
        return last;
    }
}
