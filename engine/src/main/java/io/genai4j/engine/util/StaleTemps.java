package io.genai4j.engine.util;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the hidden temporary files and folders that atomic writes create next to their target
 * ({@code .model.safetensors.<pid>-<hex>.tmp}), and their removal once their writer is gone: a write
 * killed half-way leaves one behind, up to the size of the model, and the next write to the same
 * folder deletes it. The writer's process id is in the name, so a temporary file of a write still
 * running (in this process or another) is never touched; names without one (written by older
 * versions) are removed once they are an hour old.
 */
public final class StaleTemps {
    /** .NAME.[PID-]HEX.tmp */
    private static final Pattern TEMP = Pattern.compile("\\..+\\.(?:(\\d{1,19})-)?[0-9a-f]{1,16}\\.tmp");
    private static final Duration ORPHAN_AGE = Duration.ofHours(1);
    private static final long SELF = ProcessHandle.current().pid();

    private StaleTemps() {}

    /** A new temporary name for {@code name} in the same folder, owned by this process. */
    public static String name(String name, long random) {
        return "." + name + "." + SELF + "-" + Long.toHexString(random) + ".tmp";
    }

    /** Deletes the temporaries in dir whose writer has died; best effort, never fails the write. */
    public static void clean(Path dir) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path p : ds) {
                if (isStale(p)) deleteTree(p);
            }
        } catch (IOException | RuntimeException ignored) {
            // Cleaning is a courtesy: a folder we cannot list or a file we cannot delete must not stop a save.
        }
    }

    static boolean isStale(Path p) throws IOException {
        Matcher m = TEMP.matcher(p.getFileName().toString());
        if (!m.matches()) return false;
        OptionalLong pid = m.group(1) == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(m.group(1)));
        if (pid.isPresent()) {
            if (pid.getAsLong() == SELF) return false;
            return ProcessHandle.of(pid.getAsLong()).map(h -> !h.isAlive()).orElse(true);
        }
        Instant modified = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant();
        return modified.isBefore(Instant.now().minus(ORPHAN_AGE));
    }

    /** Deletes a file, or a folder and everything in it (links are removed, not followed). */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(p);
            return;
        }
        try {
            Files.walkFileTree(p, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                    Files.deleteIfExists(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (e != null && !(e instanceof NoSuchFileException)) throw e;
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException gone) {
            // Someone else removed it first: the goal is reached.
        }
    }
}
