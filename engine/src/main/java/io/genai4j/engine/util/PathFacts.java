package io.genai4j.engine.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What is actually at a path, in a few words, for "expected X, found Y" messages: "nothing",
 * "a folder holding config.json, model.safetensors", "an empty folder", "a file of 12 bytes".
 * File names are quoted through {@link Printable} since a folder can hold any name.
 */
public final class PathFacts {
    /** Entries of a folder named before "and N more". */
    static final int MAX_NAMES = 6;

    private PathFacts() {}

    public static String describe(Path p) {
        try {
            if (Files.isDirectory(p)) return folder(p);
            if (Files.isRegularFile(p)) return "a file of " + Files.size(p) + " bytes";
            if (Files.exists(p)) return "something that is neither a file nor a folder";
            return "nothing there";
        } catch (IOException e) {
            return "something unreadable (" + Printable.of(String.valueOf(e.getMessage())) + ")";
        }
    }

    private static String folder(Path dir) throws IOException {
        List<String> names;
        try (Stream<Path> s = Files.list(dir)) {
            names = s.map(f -> f.getFileName().toString()).sorted().toList();
        }
        int total = names.size();
        if (total == 0) return "an empty folder";
        StringBuilder sb = new StringBuilder("a folder holding ");
        for (int i = 0; i < Math.min(total, MAX_NAMES); i++) {
            if (i > 0) sb.append(", ");
            sb.append(Printable.of(names.get(i), 60));
        }
        if (total > MAX_NAMES) sb.append(" and ").append(total - MAX_NAMES).append(" more");
        return sb.toString();
    }
}
