package io.genai4j.models.vision;

import io.genai4j.engine.Rng;
import io.genai4j.engine.util.Printable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * MNIST in LeCun's IDX format (big-endian: magic 0x00000803 for images with count, rows, columns,
 * then one byte per pixel; 0x00000801 for labels with count, then one byte per label), gzipped or not.
 *
 * <p>Only the 10,000-image test file (t10k) is available here, so the lesson splits it itself,
 * deterministically: the images are shuffled once with a fixed seed ({@link #SPLIT_SEED}), the first
 * 1,500 are the test set, the next 500 the validation set and the remaining 8,000 the training pool
 * (training sets of n images are its first n, so smaller sets are nested in larger ones).
 */
public final class Mnist {
    public static final String IMAGES = "t10k-images-idx3-ubyte.gz";
    public static final String LABELS = "t10k-labels-idx1-ubyte.gz";
    public static final long SPLIT_SEED = 19;
    public static final int TEST = 1500, VAL = 500;

    private Mnist() {}

    /** The three parts of the split. */
    public record Split(Images train, Images val, Images test) {}

    /** The folder holding the MNIST files: -Dgenai.data / $GENAI_DATA, else the nearest ../shared/data beside the checkout. */
    public static Path defaultDir() {
        String d = System.getProperty("genai.data", System.getenv("GENAI_DATA"));
        Path rel = Path.of("images", "mnist");
        if (d != null && !d.isBlank()) return Path.of(d).resolve(rel);
        Path home = Path.of(System.getProperty("genai.home", "")).toAbsolutePath();
        for (Path p = home; p != null; p = p.getParent()) {
            Path c = p.resolveSibling("shared").resolve("data").resolve(rel);
            if (Files.isDirectory(c)) return c;
        }
        return home.resolveSibling("shared").resolve("data").resolve(rel);
    }

    /** Reads the t10k images and labels from dir. */
    public static Images load(Path dir) throws IOException {
        Path imgs = dir.resolve(IMAGES), lbls = dir.resolve(LABELS);
        for (Path f : new Path[] {imgs, lbls}) {
            if (!Files.isRegularFile(f)) throw new NoSuchFileException("MNIST file " + f + " not found: pass --data DIR (a folder with " + IMAGES + " and " + LABELS + ")");
        }
        float[] px;
        int n, rows, cols;
        try (DataInputStream in = open(imgs)) {
            header(in, imgs, 0x803);
            n = count(in, imgs, "image count");
            rows = count(in, imgs, "rows");
            cols = count(in, imgs, "columns");
            long total = (long) n * rows * cols;
            if (rows == 0 || cols == 0 || total > 100_000_000) throw new IOException(imgs + ": field 'rows/columns' " + rows + "×" + cols + " of " + n + " images is not a plausible image set");
            byte[] raw = readFully(in, (int) total, imgs);
            px = new float[raw.length];
            for (int i = 0; i < raw.length; i++) px[i] = (raw[i] & 0xFF) / 255f;
        }
        int[] labels;
        try (DataInputStream in = open(lbls)) {
            header(in, lbls, 0x801);
            int m = count(in, lbls, "label count");
            if (m != n) throw new IOException(lbls + ": field 'label count' is " + m + " but " + imgs.getFileName() + " holds " + n + " images");
            byte[] raw = readFully(in, m, lbls);
            labels = new int[m];
            for (int i = 0; i < m; i++) {
                labels[i] = raw[i] & 0xFF;
                if (labels[i] > 9) throw new IOException(lbls + ": label " + i + " is " + labels[i] + ", expected a digit 0-9");
            }
        }
        return new Images(px, labels, rows, cols);
    }

    /** The deterministic split described above (needs more than TEST + VAL images). */
    public static Split split(Images all) {
        if (all.size() <= TEST + VAL) throw new IllegalArgumentException("the split needs more than " + (TEST + VAL) + " images, got " + all.size());
        int[] order = permutation(all.size(), new Rng(SPLIT_SEED));
        int[] test = slice(order, 0, TEST), val = slice(order, TEST, TEST + VAL), train = slice(order, TEST + VAL, order.length);
        return new Split(all.subset(train), all.subset(val), all.subset(test));
    }

    /** A Fisher-Yates shuffle of 0..n-1. */
    public static int[] permutation(int n, Rng rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static int[] slice(int[] a, int from, int to) {
        return java.util.Arrays.copyOfRange(a, from, to);
    }

    private static DataInputStream open(Path f) throws IOException {
        InputStream raw = Files.newInputStream(f);
        return new DataInputStream(f.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw);
    }

    private static void header(DataInputStream in, Path f, int magic) throws IOException {
        int m;
        try {
            m = in.readInt();
        } catch (EOFException e) {
            throw new IOException(f + " is empty or truncated");
        }
        if (m != magic) throw new IOException(f + ": field 'magic' is " + Printable.of(String.format("0x%08X", m)) + ", expected " + String.format("0x%08X", magic) + " (IDX " + (magic == 0x803 ? "images" : "labels") + ")");
    }

    private static int count(DataInputStream in, Path f, String field) throws IOException {
        int v;
        try {
            v = in.readInt();
        } catch (EOFException e) {
            throw new IOException(f + ": truncated before field '" + field + "'");
        }
        if (v < 0) throw new IOException(f + ": field '" + field + "' is negative (" + v + ")");
        return v;
    }

    private static byte[] readFully(DataInputStream in, int n, Path f) throws IOException {
        byte[] b = new byte[n];
        try {
            in.readFully(b);
        } catch (EOFException e) {
            throw new IOException(f + ": truncated: the header promises " + n + " bytes of data");
        }
        return b;
    }
}
