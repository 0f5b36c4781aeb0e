package io.genai4j.engine.io;

import io.genai4j.engine.util.Printable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one checkpoint is made of: the training iteration it was saved at and the size and SHA-256 of
 * every file in it. Written last (see {@link CheckpointDir}), so a folder whose files do not match
 * its manifest is a mixed set — files of two different saves — and is refused instead of loaded.
 */
public record CheckpointManifest(long iteration, long createdMillis, Map<String, Entry> files) {
    public static final String FORMAT = "genai4j-checkpoint";

    /** The size and SHA-256 (lower-case hex) of one file. */
    public record Entry(long bytes, String sha256) {}

    public CheckpointManifest {
        files = Map.copyOf(files);
    }

    /** True when the checkpoint includes a file of that name. */
    public boolean contains(String name) {
        return files.containsKey(name);
    }

    /** Describes the files of {@code folder} (regular files not starting with a dot), sorted by name. */
    static CheckpointManifest describe(Path folder, long iteration) throws IOException {
        List<Path> list;
        try (var s = Files.list(folder)) {
            list = s.filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        Map<String, Entry> files = new LinkedHashMap<>();
        for (Path p : list) files.put(p.getFileName().toString(), entryOf(p));
        return new CheckpointManifest(iteration, System.currentTimeMillis(), files);
    }

    static Entry entryOf(Path file) throws IOException {
        MessageDigest md = sha256();
        long n = 0;
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int r; (r = in.read(buf)) > 0; n += r) md.update(buf, 0, r);
        }
        return new Entry(n, HexFormat.of().formatHex(md.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256", e);   // every Java SE has it: a broken runtime
        }
    }

    String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("version", 1L);
        root.put("iteration", iteration);
        root.put("created_millis", createdMillis);
        List<Object> list = new ArrayList<>();
        files.keySet().stream().sorted().forEach(name -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", name);
            f.put("bytes", files.get(name).bytes());
            f.put("sha256", files.get(name).sha256());
            list.add(f);
        });
        root.put("files", list);
        return Json.toJson(root, Integer.MAX_VALUE) + "\n";
    }

    /** Reads a manifest; a malformed one is a user error naming the file and the field. */
    static CheckpointManifest read(Path file) throws IOException {
        Object parsed;
        try {
            parsed = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + Printable.of(String.valueOf(e.getMessage())));
        }
        if (!(parsed instanceof Map<?, ?> root) || !FORMAT.equals(root.get("format"))) {
            throw new IllegalArgumentException(file + ": not a genai4j checkpoint manifest (expected \"format\": \"" + FORMAT + "\")");
        }
        long iteration = whole(root.get("iteration"), file, "iteration");
        long created = root.get("created_millis") == null ? 0 : whole(root.get("created_millis"), file, "created_millis");
        if (!(root.get("files") instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(file + ": field 'files' must be a non-empty list");
        }
        Map<String, Entry> files = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "files[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> f) || !(f.get("name") instanceof String name) || !(f.get("sha256") instanceof String sha)) {
                throw new IllegalArgumentException(file + ": field '" + at + "' must be an object with name, bytes and sha256");
            }
            if (name.isEmpty() || name.startsWith(".") || name.contains("/") || name.contains("\\")) {
                throw new IllegalArgumentException(file + ": field '" + at + ".name' is not a plain file name: " + Printable.of(name));
            }
            if (!sha.matches("[0-9a-f]{64}")) throw new IllegalArgumentException(file + ": field '" + at + ".sha256' is not a SHA-256: " + Printable.of(sha));
            files.put(name, new Entry(whole(f.get("bytes"), file, at + ".bytes"), sha));
        }
        return new CheckpointManifest(iteration, created, files);
    }

    private static long whole(Object v, Path file, String field) {
        if (v instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() < 0x1p62) {
            return n.longValue();
        }
        throw new IllegalArgumentException(file + ": field '" + field + "' must be a non-negative integer, got " + Printable.of(String.valueOf(v)));
    }

    /**
     * Checks that every file of the checkpoint is in {@code dir} with the recorded size and digest.
     *
     * @throws IllegalArgumentException naming the first file that does not belong to this checkpoint
     */
    void verify(Path dir) throws IOException {
        Path manifest = dir.resolve(CheckpointDir.MANIFEST);
        for (var e : files.entrySet()) {
            Path f = dir.resolve(e.getKey());
            String problem;
            if (!Files.isRegularFile(f)) {
                problem = "is missing";
            } else if (Files.size(f) != e.getValue().bytes()) {
                problem = "has " + Files.size(f) + " bytes where the manifest records " + e.getValue().bytes();
            } else if (!entryOf(f).sha256().equals(e.getValue().sha256())) {
                problem = "differs from the SHA-256 in the manifest";
            } else {
                continue;
            }
            throw new IllegalArgumentException(f + " " + problem + " (" + manifest + " describes iteration " + iteration
                    + "): the folder mixes files of different saves; refusing to load it (restore the folder, or train again)");
        }
    }
}
