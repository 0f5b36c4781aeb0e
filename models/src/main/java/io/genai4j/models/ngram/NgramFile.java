package io.genai4j.models.ngram;

import io.genai4j.engine.util.AtomicFiles;
import io.genai4j.engine.util.PathFacts;
import io.genai4j.engine.util.Printable;
import io.genai4j.text.CharTokenizer;
import io.genai4j.text.Tokenizer;
import io.genai4j.text.WordTokenizer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * The saved form of an {@link NgramModel}: a magic line, then a deflate stream with the unit, the
 * vocabulary, the training text's name and fingerprint, and the trie's arrays (token, count,
 * continuation, child ranges, level starts) as big-endian ints. Written to a temporary file in the
 * target folder and renamed over the target, so a crash never leaves half a model behind.
 */
public final class NgramFile {
    private static final byte[] MAGIC = "genai4j-ngram 1\n".getBytes(StandardCharsets.US_ASCII);
    /** Initial array size when reading; arrays grow as data arrives (see {@link #readInts}). */
    private static final int CHUNK = 1 << 16;
    /** Most a saved model inflates (measured: 5-6x for Tiny Shakespeare models; deflate's own limit is ~1000x). */
    static final long MAX_INFLATION = 50;

    private NgramFile() {}

    public static void save(NgramModel model, Path target) throws IOException {
        AtomicFiles.replace(target, tmp -> {
            try (OutputStream raw = Files.newOutputStream(tmp)) {
                raw.write(MAGIC);
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new DeflaterOutputStream(raw), 1 << 16))) {
                    write(model, out);
                }
            }
        });
    }

    private static void write(NgramModel m, DataOutputStream out) throws IOException {
        out.writeUTF(m.unit().name());
        out.writeUTF(m.corpusName());
        out.writeUTF(m.trainFingerprint());
        switch (m.tokenizer()) {
            case CharTokenizer c -> writeInts(out, c.codePoints());
            case WordTokenizer w -> {
                String[] words = w.words();
                out.writeInt(words.length);
                for (String s : words) out.writeUTF(s);
            }
            default -> throw new IllegalStateException("unsupported tokenizer " + m.tokenizer().kind());
        }
        NgramCounts c = m.counts();
        out.writeInt(c.maxOrder);
        out.writeInt(c.vocabSize);
        writeInts(out, c.levelStart);
        writeInts(out, c.token);
        writeInts(out, c.count);
        writeInts(out, c.continuation);
        writeInts(out, c.firstChild);
    }

    public static NgramModel load(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException("model file not found: " + path + " (expected a file from genai ngram train --out FILE, found "
                    + PathFacts.describe(path) + ")");
        }
        long fileBytes = Files.size(path);
        try (InputStream raw = Files.newInputStream(path)) {
            byte[] magic = raw.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) throw new IOException(path + " is not a genai4j n-gram model (make one with: genai ngram train --out FILE)");
            // A deflate stream can expand a thousandfold: cap what a file of this size may inflate to.
            InputStream inflated = new BoundedInput(new InflaterInputStream(raw), MAX_INFLATION * fileBytes + (1 << 20));
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(inflated, 1 << 16))) {
                return read(in);
            }
        } catch (EOFException | ZipException | UTFDataFormatException e) {
            throw new IOException(path + " is truncated or damaged: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) { // Damaged, or BoundedInput's limit
            throw new IOException(path + " is damaged: " + e.getMessage(), e);
        }
    }

    private static NgramModel read(DataInputStream in) throws IOException {
        String unitName = in.readUTF();
        Unit unit = Arrays.stream(Unit.values()).filter(u -> u.name().equals(unitName)).findFirst()
                .orElseThrow(() -> new Damaged("unknown unit " + Printable.of(unitName)));
        String corpus = Printable.of(in.readUTF(), 200); // only ever shown to people ("trained on ..."): made terminal-safe once, here
        String fingerprint = in.readUTF();
        Tokenizer tok;
        try {
            if (unit == Unit.CHAR) {
                int[] cps = readInts(in, "vocabulary");
                for (int cp : cps) if (cp < 0 || cp > Character.MAX_CODE_POINT) throw new Damaged("vocabulary holds code point " + cp);
                tok = CharTokenizer.of(cps);
            } else {
                int count = checkedLength(in.readInt(), "vocabulary");
                List<String> words = new ArrayList<>(Math.min(count, CHUNK)); // grows as words arrive, like readInts
                for (int i = 0; i < count; i++) words.add(in.readUTF());
                tok = WordTokenizer.of(words.toArray(String[]::new));
            }
        } catch (IllegalArgumentException e) { // the tokenizers' own checks: unsorted, duplicate or missing <unk>
            throw new Damaged("bad vocabulary: " + Printable.of(e.getMessage()));
        }
        int maxOrder = in.readInt();
        int vocab = in.readInt();
        if (vocab != tok.vocabSize() || maxOrder < 1 || maxOrder > NgramCounter.MAX_ORDER) throw new Damaged("inconsistent model header");
        int[] levelStart = readInts(in, "level starts"), token = readInts(in, "tokens"), count = readInts(in, "counts"),
                cont = readInts(in, "continuations"), firstChild = readInts(in, "child ranges");
        int n = token.length;
        if (count.length != n || cont.length != n || firstChild.length != n + 1 || levelStart.length != maxOrder + 2 || levelStart[maxOrder + 1] != n) {
            throw new Damaged("inconsistent model arrays");
        }
        checkTrie(maxOrder, vocab, levelStart, token, count, cont, firstChild);
        return new NgramModel(unit, tok, new NgramCounts(maxOrder, vocab, token, count, cont, firstChild, levelStart), corpus, fingerprint);
    }

    /**
     * The invariants {@link NgramCounts} relies on, so a damaged file is refused here instead of
     * failing later with an index out of bounds: levels in order with one root, tokens inside the
     * vocabulary, non-negative counts, and each node's children a sorted range of the next level.
     */
    private static void checkTrie(int maxOrder, int vocab, int[] levelStart, int[] token, int[] count, int[] cont, int[] firstChild) {
        int n = token.length;
        if (vocab < 1) throw new Damaged("empty vocabulary");
        if (levelStart[0] != 0 || levelStart[1] != 1) throw new Damaged("the first level must hold the root alone");
        for (int d = 1; d <= maxOrder + 1; d++) {
            if (levelStart[d] < levelStart[d - 1]) throw new Damaged("level " + d + " starts at " + levelStart[d] + ", before level " + (d - 1));
        }
        for (int x = 0; x < n; x++) {
            if (count[x] < 0 || cont[x] < 0) throw new Damaged("node " + x + " has a negative count");
            if (x > 0 && (token[x] < 0 || token[x] >= vocab)) throw new Damaged("node " + x + " has token " + token[x] + ", outside the vocabulary of " + vocab);
        }
        if (firstChild[n] != n) throw new Damaged("the child ranges end at " + firstChild[n] + ", not at the node count " + n);
        for (int d = 0; d <= maxOrder; d++) {
            // children of level d sit in level d + 1; the deepest level has none (its ranges are empty at n)
            int lo = d < maxOrder ? levelStart[d + 1] : n, hi = d < maxOrder ? levelStart[d + 2] : n;
            for (int x = levelStart[d]; x < levelStart[d + 1]; x++) {
                int from = firstChild[x], to = firstChild[x + 1];
                if (from < lo || to > hi || from > to) throw new Damaged("node " + x + " has children [" + from + ", " + to + "), outside [" + lo + ", " + hi + ")");
                for (int c = from + 1; c < to; c++) {
                    if (token[c] <= token[c - 1]) throw new Damaged("the children of node " + x + " are not sorted by token");
                }
            }
        }
    }

    private static void writeInts(DataOutputStream out, int[] a) throws IOException {
        out.writeInt(a.length);
        for (int v : a) out.writeInt(v);
    }

    /**
     * An int array of the length the file declares, grown as the values actually arrive: a
     * declared length of 2^28 in a few bytes of file fails at the end of the data instead of
     * allocating a gigabyte first.
     */
    private static int[] readInts(DataInputStream in, String what) throws IOException {
        int n = checkedLength(in.readInt(), what);
        int[] a = new int[Math.min(n, CHUNK)];
        for (int i = 0; i < n; i++) {
            if (i == a.length) a = Arrays.copyOf(a, (int) Math.min(n, 2L * a.length));
            a[i] = in.readInt();
        }
        return a;
    }

    private static int checkedLength(int n, String what) {
        if (n < 0 || n > 1 << 28) throw new Damaged("implausible length " + n + " of the " + what);
        return n;
    }

    /** A structural problem in the file; load() adds the path. */
    private static final class Damaged extends IllegalArgumentException {
        Damaged(String message) {
            super(message);
        }
    }
}
