package io.genai4j.models.ngram;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
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

    private NgramFile() {}

    public static void save(NgramModel model, Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, abs.getFileName().toString(), ".tmp");
        try {
            try (OutputStream raw = Files.newOutputStream(tmp)) {
                raw.write(MAGIC);
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new DeflaterOutputStream(raw), 1 << 16))) {
                    write(model, out);
                }
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
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
        if (!Files.isRegularFile(path)) throw new NoSuchFileException("model file not found: " + path);
        try (InputStream raw = Files.newInputStream(path)) {
            byte[] magic = raw.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) throw new IOException(path + " is not a genai4j n-gram model (make one with: genai ngram train --out FILE)");
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(new InflaterInputStream(raw), 1 << 16))) {
                return read(in);
            }
        } catch (EOFException | ZipException e) {
            throw new IOException(path + " is truncated or damaged: " + e.getMessage(), e);
        }
    }

    private static NgramModel read(DataInputStream in) throws IOException {
        Unit unit = Unit.valueOf(in.readUTF());
        String corpus = in.readUTF();
        String fingerprint = in.readUTF();
        Tokenizer tok;
        if (unit == Unit.CHAR) {
            tok = CharTokenizer.of(readInts(in));
        } else {
            String[] words = new String[checkedLength(in.readInt())];
            for (int i = 0; i < words.length; i++) words[i] = in.readUTF();
            tok = WordTokenizer.of(words);
        }
        int maxOrder = in.readInt();
        int vocab = in.readInt();
        if (vocab != tok.vocabSize() || maxOrder < 1 || maxOrder > NgramCounter.MAX_ORDER) throw new IOException("inconsistent model header");
        int[] levelStart = readInts(in), token = readInts(in), count = readInts(in), cont = readInts(in), firstChild = readInts(in);
        int n = token.length;
        if (count.length != n || cont.length != n || firstChild.length != n + 1 || levelStart.length != maxOrder + 2 || levelStart[maxOrder + 1] != n) {
            throw new IOException("inconsistent model arrays");
        }
        return new NgramModel(unit, tok, new NgramCounts(maxOrder, vocab, token, count, cont, firstChild, levelStart), corpus, fingerprint);
    }

    private static void writeInts(DataOutputStream out, int[] a) throws IOException {
        out.writeInt(a.length);
        for (int v : a) out.writeInt(v);
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] a = new int[checkedLength(in.readInt())];
        for (int i = 0; i < a.length; i++) a[i] = in.readInt();
        return a;
    }

    private static int checkedLength(int n) throws IOException {
        if (n < 0 || n > 1 << 28) throw new IOException("implausible array length " + n);
        return n;
    }
}
