package io.genai4j.engine.util;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Writes files so that nothing the user saved is ever half-written: the content goes to a hidden
 * temporary file in the same directory, is forced to disk, then renamed over the target in one
 * atomic step. A failure leaves the old file as it was and removes the temporary one; the temporary
 * files of writes that were killed (see {@link StaleTemps}) are removed by the next write to the folder.
 */
public final class AtomicFiles {
    public static final RandomGenerator RANDOM = new SecureRandom();

    private AtomicFiles() {}

    /** Fills the temporary file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path tmp) throws IOException;
    }

    /** Writes target through content, atomically; creates missing parent directories. */
    public static Path replace(Path target, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        StaleTemps.clean(dir);
        Path tmp = createTemp(dir, abs.getFileName().toString());
        boolean done = false;
        try {
            WriteStages.reached("created " + tmp.getFileName());
            content.writeTo(tmp);
            WriteStages.reached("wrote " + tmp.getFileName());
            force(tmp);
            WriteStages.reached("forced " + tmp.getFileName());
            move(tmp, abs);
            done = true;
            syncDirectory(dir);
            WriteStages.reached("renamed to " + abs.getFileName());
            return abs;
        } finally {
            if (!done) Files.deleteIfExists(tmp);
        }
    }

    public static Path write(Path target, byte[] bytes) throws IOException {
        return replace(target, tmp -> Files.write(tmp, bytes));
    }

    public static Path writeString(Path target, String text) throws IOException {
        return write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Forces a file's content to the storage device. */
    public static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Renames in one atomic step, replacing the target if present. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot atomically replace " + to + " (file system does not support atomic rename)", e);
        }
    }

    /**
     * A new empty hidden file next to the target. Not Files.createTempFile: that creates mode 0600,
     * and the renamed file would keep it instead of the permissions a new file gets from the umask.
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve(StaleTemps.name(name, RANDOM.nextLong()));
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) throw e;
            }
        }
    }

    /** Makes the rename durable. Not every platform can open a directory; then this is skipped. */
    public static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Best effort: the data itself was forced before the rename.
        }
    }
}
