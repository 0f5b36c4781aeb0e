package io.genai4j.engine.util;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the course's data sets live: {@code -Dgenai.data} or {@code GENAI_DATA} when set, else the
 * first {@code shared/data} folder beside the launcher's home or one of its parents (a worktree at
 * /work/wt/NAME finds /work/shared/data), else {@code ../shared/data} beside the home.
 */
public final class SharedDataDir {
    private SharedDataDir() {}

    /** The data set at the relative path under the shared data folder (it may not exist). */
    public static Path resolve(String relative) {
        String d = System.getProperty("genai.data", System.getenv("GENAI_DATA"));
        if (d != null && !d.isBlank()) return Path.of(d).resolve(relative);
        Path home = Path.of(System.getProperty("genai.home", "")).toAbsolutePath();
        for (Path p = home; p != null; p = p.getParent()) {
            Path c = p.resolveSibling("shared").resolve("data").resolve(relative);
            if (Files.exists(c)) return c;
        }
        return home.resolveSibling("shared").resolve("data").resolve(relative);
    }
}
