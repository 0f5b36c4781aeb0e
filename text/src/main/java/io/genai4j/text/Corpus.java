package io.genai4j.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A text to train and evaluate on, with nanoGPT's split: the first 90% of the characters (code
 * points) train, the last 10% validate. Tiny Shakespeare ships in the jar and is the default, so
 * every lesson can be compared on the same validation text.
 */
public record Corpus(String name, String text) {
    public static final String SHAKESPEARE = "tinyshakespeare";
    private static final String SHAKESPEARE_RESOURCE = "corpora/tinyshakespeare.txt";
    /** Below this there is nothing to learn or to validate on. */
    static final int MIN_CODE_POINTS = 20;

    public Corpus {
        if (text.codePointCount(0, text.length()) < MIN_CODE_POINTS) {
            throw new IllegalArgumentException("corpus " + name + " is "
                    + (text.isBlank() ? "empty" : "too small (" + text.length() + " characters; needs at least " + MIN_CODE_POINTS + ")"));
        }
    }

    /** The train and validation texts. */
    public record Split(String train, String val) {}

    /** Tiny Shakespeare (1,115,394 characters, public domain), bundled with the library. */
    public static Corpus tinyShakespeare() {
        try (InputStream in = Corpus.class.getResourceAsStream(SHAKESPEARE_RESOURCE)) {
            if (in == null) throw new IllegalStateException("bundled corpus missing from the jar: " + SHAKESPEARE_RESOURCE);
            return new Corpus(SHAKESPEARE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled corpus: " + e.getMessage(), e);
        }
    }

    /** A UTF-8 text file; a missing, non-UTF-8 or empty file is a clear error. */
    public static Corpus load(Path path) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException("corpus file not found: " + path);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("corpus " + path + " is not UTF-8 text");
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1); // a BOM is not text
        return new Corpus(path.getFileName().toString(), text);
    }

    /** Tiny Shakespeare when {@code path} is null, else the file. */
    public static Corpus orDefault(Path path) throws IOException {
        return path == null ? tinyShakespeare() : load(path);
    }

    /** nanoGPT's split: {@code n = int(len(text) * 0.9)}; train = text[:n], val = text[n:]. */
    public Split split() {
        int codePoints = text.codePointCount(0, text.length());
        int n = (int) (codePoints * 0.9);
        int at = text.offsetByCodePoints(0, n);
        return new Split(text.substring(0, at), text.substring(at));
    }

    /** Number of code points: the denominator of every "per character" figure. */
    public static int characters(String s) {
        return s.codePointCount(0, s.length());
    }

    /** First 16 hex digits of SHA-256 of the UTF-8 text: tells a saved model which text it came from. */
    public static String fingerprint(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
