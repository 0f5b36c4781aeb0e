package io.genai4j.text;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared data folder: {@code ../shared/data} next to the repository root (the folder
 * holding {@code mvnw}). Tests that need a file from it are skipped, with the reason, when it is absent.
 */
public final class SharedData {
    private SharedData() {}

    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("mvnw"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
        return p;
    }

    /** {@code ../shared/data/<relative>}, or skips the calling test when it does not exist. */
    public static Path require(String relative) {
        Path p = repoRoot().resolveSibling("shared").resolve("data").resolve(relative);
        assumeTrue(Files.exists(p), "shared data not found, skipping: " + p);
        return p;
    }
}
