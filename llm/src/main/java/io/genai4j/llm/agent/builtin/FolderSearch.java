package io.genai4j.llm.agent.builtin;

import io.genai4j.llm.agent.Param;
import io.genai4j.llm.agent.Tool;
import io.genai4j.llm.agent.Tools;
import io.genai4j.llm.chat.ToolSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The {@code search} tool over the text files of a local folder (plain text match, until the RAG
 * index backs it): every line is scored by how many distinct query words (case-insensitive, 2+
 * letters) it contains, and the best lines come back as {@code file: line}, at most {@code limit},
 * best first, ties in file and line order. Files that are not UTF-8 text, or larger than 1 MiB, are skipped.
 */
public final class FolderSearch {
    private static final String DESCRIPTION = "Searches the notes in a local folder and returns the matching lines.";
    public static final String NAME = "search";
    private static final long MAX_FILE = 1 << 20;

    private FolderSearch() {}

    public record Args(@Param(value = "query", description = "words to look for") String query) {}

    private record Hit(int score, String file, int line, String text) {}

    public static ToolSpec spec() {
        return Tools.spec(NAME, DESCRIPTION, Args.class);
    }

    public static Tool tool(Path folder, int limit) {
        if (!Files.isDirectory(folder)) throw new IllegalArgumentException("search folder " + folder + " is not a directory");
        return Tools.of(NAME, DESCRIPTION, Args.class, a -> search(folder, a.query(), limit));
    }

    static String search(Path folder, String query, int limit) throws IOException {
        List<String> words = new ArrayList<>();
        for (String w : query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) if (w.length() >= 2 && !words.contains(w)) words.add(w);
        if (words.isEmpty()) throw new IllegalArgumentException("the query has no words to look for");
        List<Hit> hits = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(folder)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            if (Files.size(f) > MAX_FILE) continue;
            List<String> lines;
            try {
                lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            } catch (java.nio.charset.MalformedInputException notText) {
                continue;
            } catch (UncheckedIOException e) {
                continue;
            }
            String name = folder.relativize(f).toString().replace('\\', '/');
            for (int i = 0; i < lines.size(); i++) {
                String lower = lines.get(i).toLowerCase(Locale.ROOT);
                int score = 0;
                for (String w : words) if (lower.contains(w)) score++;
                if (score > 0) hits.add(new Hit(score, name, i, lines.get(i).strip()));
            }
        }
        if (hits.isEmpty()) return "no matches";
        hits.sort(Comparator.comparingInt(Hit::score).reversed());   // stable: file and line order within a score
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(limit, hits.size()); i++) {
            if (i > 0) out.append('\n');
            out.append(hits.get(i).file()).append(": ").append(hits.get(i).text());
        }
        return out.toString();
    }
}
