package io.genai4j.llm;

import io.genai4j.engine.util.Cache;
import io.genai4j.engine.util.Printable;
import io.genai4j.llm.hub.HubClient;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where models live: a path given by the user, or a name in the cache ({@code OWNER/REPO},
 * optionally {@code OWNER/REPO/FILE.gguf}), which {@code genai pull} puts in its own subtree of
 * genai4j's cache folder: {@code ~/.cache/genai4j/hub/OWNER/REPO} (the root is $GENAI4J_CACHE when
 * set; see {@link Cache}). Repositories pulled before that subtree existed sat directly under the
 * cache root; they move into it the first time they are used.
 */
public final class ModelStore {
    private ModelStore() {}

    /** genai4j's cache root. */
    public static Path cacheDir() {
        return Cache.root();
    }

    /** The folder that holds downloaded repositories. */
    public static Path hubDir() {
        return Cache.dir(Cache.HUB);
    }

    /** The folder of a downloaded repository (not created), moved there from the old layout if needed. */
    public static Path repoDir(String repo) throws IOException {
        if (!HubClient.isRepoName(repo)) throw new IllegalArgumentException("'" + Printable.of(repo) + "' is not a repository name of the form OWNER/REPO");
        Path dir = hubDir().resolve(repo);
        Path legacy = legacyDir(repo);
        if (legacy != null && !Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(legacy, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.move(legacy, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                return legacy;   // another file system (a symlinked hub/): keep using it where it is
            } catch (IOException e) {
                if (!Files.isDirectory(dir)) throw e;   // else another process moved it first
            }
            try {
                Files.deleteIfExists(legacy.getParent());
            } catch (DirectoryNotEmptyException ignored) {
                // the owner has other repositories there still
            }
        }
        return dir;
    }

    /**
     * Where the old layout kept repo (directly under the cache root), or null when that place is one of
     * genai4j's own folders: a repository there could not be told apart from genai4j's files.
     */
    static Path legacyDir(String repo) {
        String owner = repo.substring(0, repo.indexOf('/'));
        return Cache.OWN_FOLDERS.contains(owner) ? null : cacheDir().resolve(repo);
    }

    /** A model file or directory for MODEL: an existing path, else a cached OWNER/REPO[/FILE]. */
    public static Path resolve(String model) throws IOException {
        Path p = Path.of(model);
        if (Files.exists(p)) return p;
        if (p.isAbsolute() || model.startsWith(".") || model.endsWith(".gguf") && !model.matches("[^/]+/[^/]+/[^/]+\\.gguf")) {
            throw new NoSuchFileException("no model at " + model);
        }
        String[] parts = model.split("/", 3);
        if (parts.length < 2 || !HubClient.isRepoName(parts[0] + "/" + parts[1])) throw notCached(model);
        Path repo = repoDir(parts[0] + "/" + parts[1]);
        Path cached = (parts.length == 3 ? repo.resolve(parts[2]) : repo).normalize();
        if (!cached.startsWith(repo)) throw new IllegalArgumentException("bad model name '" + Printable.of(model) + "'");
        if (Files.isRegularFile(cached)) return cached;
        if (Files.isDirectory(cached)) {
            if (Files.isRegularFile(cached.resolve("config.json"))) return cached;
            List<Path> ggufs;
            try (Stream<Path> s = Files.list(cached)) {
                ggufs = s.filter(f -> f.getFileName().toString().endsWith(".gguf")).sorted().toList();
            }
            if (ggufs.size() == 1) return ggufs.get(0);
            if (ggufs.size() > 1) {
                throw new IllegalArgumentException(model + " holds several GGUF files; name one: " + ggufs.stream().map(f -> model + "/" + f.getFileName()).toList());
            }
        }
        throw notCached(model);
    }

    private static NoSuchFileException notCached(String model) {
        return new NoSuchFileException("no model '" + Printable.of(model) + "': not a file or directory, and not in the cache " + hubDir()
                + " (download it with `genai pull " + Printable.of(model) + "`; `genai models list` shows what is cached)");
    }
}
