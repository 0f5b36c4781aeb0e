package io.genai4j.llm;

import io.genai4j.engine.util.Cache;
import io.genai4j.engine.util.Printable;
import io.genai4j.llm.hub.HubClient;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@code genai pull} left in the cache, to list and remove (like {@code ollama list} and
 * {@code ollama rm}). Only downloaded repositories are listed and removed, never genai4j's own files,
 * and nothing is followed through a symbolic link.
 */
public final class CachedModels {
    /** One downloaded repository: name OWNER/REPO, its folder, bytes and files on disk, unfinished downloads. */
    public record Entry(String name, Path path, long bytes, int files, int partial, Instant modified) {}

    /** What {@link #remove} deleted. */
    public record Removed(String name, Path path, long bytes) {}

    private CachedModels() {}

    /** Every downloaded repository, by name; repositories still in the old layout are listed where they are. */
    public static List<Entry> list() throws IOException {
        List<Entry> out = new ArrayList<>();
        for (Path dir : repoDirs(ModelStore.hubDir())) out.add(entry(dir));
        for (Path dir : repoDirs(ModelStore.cacheDir())) {
            String repo = dir.getParent().getFileName() + "/" + dir.getFileName();
            if (Cache.OWN_FOLDERS.contains(dir.getParent().getFileName().toString()) || !looksLikeModel(dir)) continue;
            if (out.stream().noneMatch(e -> e.name().equals(repo))) out.add(entry(dir));
        }
        out.sort(Comparator.comparing(Entry::name));
        return out;
    }

    /**
     * Removes a downloaded repository (OWNER/REPO) or one of its files (OWNER/REPO/FILE, with its
     * unfinished download). Anything that is not such a name in the cache is refused.
     */
    public static Removed remove(String name) throws IOException {
        String[] parts = name.split("/", 3);
        if (parts.length < 2 || !HubClient.isRepoName(parts[0] + "/" + parts[1]) || parts.length == 3 && !safeRelative(parts[2])) {
            throw new IllegalArgumentException("'" + Printable.of(name) + "' is not a cached model name (OWNER/REPO or OWNER/REPO/FILE); `genai models list` shows them");
        }
        String repo = parts[0] + "/" + parts[1];
        Path hub = ModelStore.hubDir().resolve(repo);
        Path legacy = ModelStore.legacyDir(repo);
        Path repoDir = Files.isDirectory(hub, LinkOption.NOFOLLOW_LINKS) || legacy == null || !Files.isDirectory(legacy, LinkOption.NOFOLLOW_LINKS) ? hub : legacy;
        Path target = parts.length == 3 ? repoDir.resolve(parts[2]).normalize() : repoDir;
        // A single file may exist only as its unfinished download: naming the file removes that too.
        Path part = parts.length == 3 ? target.resolveSibling(target.getFileName() + ".part") : null;
        boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS) || part != null && Files.exists(part, LinkOption.NOFOLLOW_LINKS);
        if (!target.startsWith(repoDir) || !exists) {
            List<String> known = list().stream().map(Entry::name).toList();
            throw new NoSuchFileException("no cached model '" + Printable.of(name) + "' in " + ModelStore.hubDir() + (known.isEmpty() ? "; the cache is empty" : "; cached: " + known));
        }
        long bytes = size(target) + (part == null ? 0 : size(part));
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) deleteTree(target);
        if (part != null && Files.exists(part, LinkOption.NOFOLLOW_LINKS)) deleteTree(part);
        deleteIfEmpty(repoDir);
        deleteIfEmpty(repoDir.getParent());
        return new Removed(name, target, bytes);
    }

    private static boolean safeRelative(String path) {
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..") || part.indexOf('\\') >= 0) return false;
        }
        return true;
    }

    /** The OWNER/REPO folders (real folders, not links) two levels under root. */
    private static List<Path> repoDirs(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(root)) return out;
        for (Path owner : children(root)) {
            if (!Files.isDirectory(owner, LinkOption.NOFOLLOW_LINKS)) continue;
            for (Path repo : children(owner)) {
                if (Files.isDirectory(repo, LinkOption.NOFOLLOW_LINKS) && HubClient.isRepoName(owner.getFileName() + "/" + repo.getFileName())) out.add(repo);
            }
        }
        return out;
    }

    private static List<Path> children(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    /** A folder of the old layout holds model files at its top (the way `genai pull` wrote them). */
    private static boolean looksLikeModel(Path dir) throws IOException {
        for (Path f : children(dir)) {
            String n = f.getFileName().toString();
            if (n.equals("config.json") || n.endsWith(".gguf") || n.endsWith(".safetensors") || n.endsWith(".part")) return true;
        }
        return false;
    }

    private static Entry entry(Path dir) throws IOException {
        long[] bytes = {0};
        int[] files = {0}, partial = {0};
        Instant[] modified = {Instant.EPOCH};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                if (!a.isRegularFile()) return FileVisitResult.CONTINUE;
                bytes[0] += a.size();
                if (f.getFileName().toString().endsWith(".part")) partial[0]++;
                else files[0]++;
                if (a.lastModifiedTime().toInstant().isAfter(modified[0])) modified[0] = a.lastModifiedTime().toInstant();
                return FileVisitResult.CONTINUE;
            }
        });
        return new Entry(dir.getParent().getFileName() + "/" + dir.getFileName(), dir, bytes[0], files[0], partial[0], modified[0]);
    }

    private static long size(Path p) throws IOException {
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? Files.size(p) : 0;
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    /** Deletes p and, when it is a real folder, everything in it; a link is removed, never followed. */
    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }

    private static void deleteIfEmpty(Path dir) throws IOException {
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException ignored) {
            // still holds other files or repositories
        }
    }
}
