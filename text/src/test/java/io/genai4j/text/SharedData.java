package io.genai4j.text;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared data folder: {@code ../shared/data} next to the repository root (the folder
 * holding {@code mvnw}). A test that needs a file from it is skipped, with the reason, when the file
 * is absent, so a fresh clone elsewhere still passes; under CI (the {@code CI} environment variable
 * set) the data must be there, and a missing file fails the test with the path it looked for, so the
 * parity suites can never turn into silent skips.
 */
public final class SharedData {
    private SharedData() {}

    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("mvnw"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
        return p;
    }

    /**
     * {@code ../shared/data} beside the repository root (it may not exist), or the folder named by
     * the {@code GENAI_DATA} environment variable, the one the commands read too
     * ({@link io.genai4j.engine.util.SharedDataDir}), or by its older test-only name
     * {@code GENAI4J_SHARED_DATA} (a worktree elsewhere, e.g. /work/wt/NAME, has no ../shared beside it).
     */
    public static Path dir() {
        for (String name : new String[] {"GENAI_DATA", "GENAI4J_SHARED_DATA"}) {
            String env = System.getenv(name);
            if (env != null && !env.isBlank()) return Path.of(env);
        }
        return repoRoot().resolveSibling("shared").resolve("data");
    }

    /** {@code ../shared/data/<relative>}; skips the calling test when it is absent (fails under CI). */
    public static Path require(String relative) {
        Path p = dir().resolve(relative);
        requirePresent(p, System.getenv("CI"));
        return p;
    }

    static void requirePresent(Path p, String ciVariable) {
        if (Files.exists(p)) return;
        if (ciVariable != null && !ciVariable.isBlank() && !ciVariable.equalsIgnoreCase("false")) {
            fail("shared data set missing under CI: " + p + " (CI needs ../shared/data beside the clone)");
        }
        assumeTrue(false, "shared data not found, skipping: " + p);
    }
}
