package io.genai4j.rag.load;

import io.genai4j.engine.util.Printable;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a folder recursively into documents, in path order. Links are not followed out of the
 * root: a linked file is read only when its real path lies inside the root, and linked folders are
 * not entered (no cycles). Files over {@code maxFileBytes}, and every file after
 * {@code maxTotalBytes} have been read, are skipped; so are files that cannot be read or parsed.
 * Each skip is reported to the listener with its reason; none is fatal. Hidden files and folders
 * (a leading dot) and files of kinds no {@link Loader} reads are passed over silently.
 */
public final class FolderLoader {
    public static final long DEFAULT_MAX_FILE_BYTES = 32L << 20;
    public static final long DEFAULT_MAX_TOTAL_BYTES = 2L << 30;

    private final long maxFileBytes;
    private final long maxTotalBytes;
    private final LoadListener listener;

    public FolderLoader(long maxFileBytes, long maxTotalBytes, LoadListener listener) {
        if (maxFileBytes < 1 || maxTotalBytes < 1) throw new IllegalArgumentException("size limits must be positive");
        this.maxFileBytes = maxFileBytes;
        this.maxTotalBytes = maxTotalBytes;
        this.listener = listener;
    }

    public FolderLoader(LoadListener listener) {
        this(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_TOTAL_BYTES, listener);
    }

    /** Every readable document under root (a single file is a corpus of one). */
    public List<Document> load(Path root) throws IOException {
        List<Document> out = new ArrayList<>();
        forEach(root, out::add);
        return out;
    }

    /** Hands each document to sink as it is read, so a large folder never sits in memory whole. */
    public void forEach(Path root, Consumer<Document> sink) throws IOException {
        if (!Files.exists(root)) throw new IOException("no such file or folder: " + Printable.of(root.toString()));
        Path realRoot = root.toRealPath();
        if (Files.isRegularFile(realRoot)) {
            long[] budget = {maxTotalBytes};
            read(realRoot, realRoot.getFileName().toString(), realRoot.getParent(), budget, sink);
            return;
        }
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(realRoot, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(realRoot) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!hidden(file)) files.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                listener.skipped(file, "cannot be read: " + e.getClass().getSimpleName());
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        long[] budget = {maxTotalBytes};
        for (Path f : files) read(f, realRoot.relativize(f).toString().replace('\\', '/'), realRoot, budget, sink);
    }

    private void read(Path file, String source, Path realRoot, long[] budget, Consumer<Document> sink) {
        Loader loader = Loader.forName(file.getFileName().toString());
        if (loader == null) return;
        try {
            if (Files.isSymbolicLink(file)) {
                if (Files.isDirectory(file)) return;   // a linked folder: not entered
                if (!file.toRealPath().startsWith(realRoot)) {
                    listener.skipped(file, "a link out of the root (to " + Printable.of(file.toRealPath().toString()) + ")");
                    return;
                }
            }
            if (!Files.isRegularFile(file)) return;
            long size = Files.size(file);
            if (size > maxFileBytes) {
                listener.skipped(file, "larger than the limit of " + maxFileBytes + " bytes (" + size + ")");
                return;
            }
            if (size > budget[0]) {
                listener.skipped(file, "over the total limit of " + maxTotalBytes + " bytes");
                return;
            }
            budget[0] -= size;
            Document d = loader.load(source, Files.readAllBytes(file));
            listener.loaded(file, d);
            sink.accept(d);
        } catch (IOException | RuntimeException e) {
            // A parser's own exception on a hostile file is a reason to skip that file, not to stop the corpus.
            listener.skipped(file, e instanceof IOException && e.getMessage() != null ? e.getMessage() : "cannot be read: " + e);
        }
    }

    private static boolean hidden(Path p) {
        return p.getFileName() != null && p.getFileName().toString().startsWith(".");
    }
}
