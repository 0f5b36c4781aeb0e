package io.genai4j.engine.io;

import io.genai4j.engine.util.AtomicFiles;
import io.genai4j.engine.util.StaleTemps;
import io.genai4j.engine.util.WriteStages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Saves a checkpoint made of several files (weights, config, optimizer state, vocabulary) as one
 * unit, so that a process killed at any moment leaves either the previous checkpoint or the new one,
 * never a mix:
 * <ol>
 *   <li>the files are written into a hidden staging folder {@code dir/.checkpoint.<pid>-<hex>.tmp/};
 *   <li>{@link #commit} records their sizes and SHA-256 in {@value #MANIFEST}, forces everything to
 *       disk and renames the folder to {@code .checkpoint.<hex>.ready} — the commit point;
 *   <li>the files are then renamed into {@code dir} one by one, the manifest last, and the folder removed.
 * </ol>
 * A kill before the commit point leaves a staging folder that the next save deletes; a kill after it
 * leaves a ready folder that the next save or load finishes moving (roll forward). The files keep
 * their usual names in {@code dir}, so other tools read them as before. Loading goes through
 * {@link #verify}, which refuses files that do not match the manifest (a mixed set).
 */
public final class CheckpointDir implements AutoCloseable {
    /** The manifest, written last: iteration, and size and SHA-256 of each file. */
    public static final String MANIFEST = "checkpoint.json";
    private static final String STAGING = "checkpoint", READY = ".ready";

    private final Path dir, staging;
    private boolean committed;

    private CheckpointDir(Path dir, Path staging) {
        this.dir = dir;
        this.staging = staging;
    }

    /**
     * Starts a checkpoint in dir (created if missing): finishes any save that was interrupted after
     * its commit point, removes what killed saves left behind, and opens a new staging folder.
     */
    public static CheckpointDir begin(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        Files.createDirectories(abs);
        recover(abs);
        StaleTemps.clean(abs);
        for (int attempt = 0; ; attempt++) {
            Path staging = abs.resolve(StaleTemps.name(STAGING, AtomicFiles.RANDOM.nextLong()));
            try {
                Files.createDirectory(staging);
                WriteStages.reached("created " + staging.getFileName());
                return new CheckpointDir(abs, staging);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) throw e;
            }
        }
    }

    /** Where to write the file {@code name} of this checkpoint. */
    public Path file(String name) {
        if (name.equals(MANIFEST) || name.startsWith(".") || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("not a checkpoint file name: " + name);
        }
        return staging.resolve(name);
    }

    /** The staging folder (for writers that take a folder and name their files themselves). */
    public Path staging() {
        return staging;
    }

    /** Makes the files written so far the checkpoint of {@code iteration}, replacing the previous one. */
    public CheckpointManifest commit(long iteration) throws IOException {
        if (committed) throw new IllegalStateException("checkpoint already committed");
        CheckpointManifest m = CheckpointManifest.describe(staging, iteration);
        if (m.files().isEmpty()) throw new IllegalStateException("empty checkpoint: nothing was written to " + staging);
        for (String name : m.files().keySet()) AtomicFiles.force(staging.resolve(name));
        Path manifest = staging.resolve(MANIFEST);
        Files.writeString(manifest, m.toJson(), StandardCharsets.UTF_8);
        AtomicFiles.force(manifest);
        AtomicFiles.syncDirectory(staging);
        WriteStages.reached("manifest written in " + staging.getFileName());
        Path ready = readyName();
        Files.move(staging, ready, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        AtomicFiles.syncDirectory(dir);
        WriteStages.reached("committed " + ready.getFileName());
        rollForward(ready, m);
        return m;
    }

    /** Removes the staging folder of a checkpoint that was not committed. */
    @Override
    public void close() throws IOException {
        if (!committed) StaleTemps.deleteTree(staging);
    }

    /**
     * The manifest of the checkpoint in dir after checking every file against it, or null for a
     * folder saved before manifests existed (its files are then taken as they are). A save that was
     * interrupted after its commit point is finished first.
     *
     * @throws IllegalArgumentException when the files do not match the manifest (a mixed set)
     */
    public static CheckpointManifest verify(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        recover(abs);
        Path file = abs.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) return null;
        for (int attempt = 0; ; attempt++) {
            CheckpointManifest m = CheckpointManifest.read(file);
            try {
                m.verify(abs);
                return m;
            } catch (IllegalArgumentException mixed) {
                boolean rolledForward = recover(abs);
                // A writer may have committed while we read: as long as the folder moves on, look again.
                if (attempt >= 100 || (!rolledForward && m.equals(CheckpointManifest.read(file)))) throw mixed;
            }
        }
    }

    /** True when {@code file} is one of the files of the checkpoint in its folder (named by a manifest). */
    public static boolean holds(Path file) throws IOException {
        Path abs = file.toAbsolutePath(), manifest = abs.resolveSibling(MANIFEST);
        return Files.isRegularFile(manifest) && CheckpointManifest.read(manifest).contains(abs.getFileName().toString());
    }

    /**
     * Rewrites one file of the checkpoint in dir (say, its weights converted to F16) as a new save of
     * the same iteration, so the manifest keeps describing the folder. The other files are hard-linked
     * into the new save (copied where the file system has no links); the set is verified first, so a
     * mixed set is not blessed with a fresh manifest.
     */
    public static CheckpointManifest replaceFile(Path dir, String name, AtomicFiles.Content content) throws IOException {
        try (CheckpointDir c = begin(dir)) {
            CheckpointManifest current = verify(c.dir);
            if (current == null || !current.contains(name)) throw new IllegalArgumentException(c.dir.resolve(name) + " is not part of a checkpoint with a manifest");
            content.writeTo(c.file(name));
            for (String other : current.files().keySet()) {
                if (other.equals(name)) continue;
                try {
                    Files.createLink(c.file(other), c.dir.resolve(other));
                } catch (UnsupportedOperationException | IOException noLinks) {
                    Files.copy(c.dir.resolve(other), c.file(other), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return c.commit(current.iteration());
        }
    }

    /** Rolls forward every committed save in dir that did not finish moving its files; true if any. */
    static boolean recover(Path dir) throws IOException {
        List<Path> ready = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "." + STAGING + ".*" + READY)) {
            for (Path p : ds) if (Files.isDirectory(p)) ready.add(p);
        } catch (NoSuchFileException e) {
            return false;
        }
        List<CheckpointManifest> manifests = new ArrayList<>();
        for (Path r : ready) {
            try {
                manifests.add(CheckpointManifest.read(r.resolve(MANIFEST)));
            } catch (NoSuchFileException movedAlready) {
                manifests.add(null);   // its roll forward got as far as the manifest (perhaps in another process right now)
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ready.size(); i++) order.add(i);
        order.sort(Comparator.comparingLong(i -> manifests.get(i) == null ? Long.MIN_VALUE : manifests.get(i).createdMillis()));
        for (int i : order) {
            try {
                new CheckpointDir(dir, null).rollForward(ready.get(i), manifests.get(i));
            } catch (IOException e) {
                throw new IOException("cannot finish the interrupted checkpoint save in " + dir + " (" + e.getMessage() + ")", e);
            }
        }
        return !ready.isEmpty();
    }

    /** Moves the files of a committed save into dir, the manifest last; idempotent (a re-run skips moved files). */
    private void rollForward(Path ready, CheckpointManifest m) throws IOException {
        if (m != null) {   // null: the manifest was already moved, only the empty folder is left
            for (String name : m.files().keySet()) moveIfPresent(ready.resolve(name), dir.resolve(name));
            moveIfPresent(ready.resolve(MANIFEST), dir.resolve(MANIFEST));
            AtomicFiles.syncDirectory(dir);
        }
        StaleTemps.deleteTree(ready);
        WriteStages.reached("removed " + ready.getFileName());
    }

    private static void moveIfPresent(Path from, Path to) throws IOException {
        try {
            AtomicFiles.move(from, to);
        } catch (NoSuchFileException alreadyMoved) {
            return;   // moved by an earlier, interrupted roll forward or by a concurrent reader
        }
        WriteStages.reached("moved " + to.getFileName());
    }

    private Path readyName() {
        return dir.resolve("." + STAGING + "." + Long.toHexString(AtomicFiles.RANDOM.nextLong()) + READY);
    }
}
