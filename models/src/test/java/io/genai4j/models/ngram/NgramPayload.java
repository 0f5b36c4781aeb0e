package io.genai4j.models.ngram;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The inflated body of a saved n-gram model with the offsets of its fields, for crafting damaged
 * files: the byte offset of every length field (vocabulary and the five trie arrays), of the order
 * and vocabulary size, and the element ranges of the int arrays.
 */
final class NgramPayload {
    static final byte[] MAGIC = "genai4j-ngram 1\n".getBytes(StandardCharsets.US_ASCII);

    final byte[] body;
    final List<Integer> lengthFields = new ArrayList<>();
    /** [offset of the first element, element count] of each int array (char vocabulary, then the trie's five). */
    final List<int[]> intArrays = new ArrayList<>();
    final int orderField;
    final int vocabField;

    NgramPayload(byte[] body) {
        this.body = body;
        ByteBuffer b = ByteBuffer.wrap(body);
        String unit = utf(b);
        utf(b);
        utf(b);
        if (unit.equals("CHAR")) {
            intArray(b);
        } else {
            lengthFields.add(b.position());
            int words = b.getInt();
            for (int i = 0; i < words; i++) utf(b);
        }
        orderField = b.position();
        b.getInt();
        vocabField = b.position();
        b.getInt();
        for (int i = 0; i < 5; i++) intArray(b);
    }

    static NgramPayload read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(MAGIC.length);
            return new NgramPayload(new InflaterInputStream(in).readAllBytes());
        }
    }

    /** Writes {@code body} as a model file: the magic line, then the body deflated. */
    static void write(Path file, byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(MAGIC);
        try (OutputStream z = new DeflaterOutputStream(bytes)) {
            z.write(body);
        }
        Files.write(file, bytes.toByteArray());
    }

    byte[] withInt(int offset, int value) {
        byte[] b = Arrays.copyOf(body, body.length);
        ByteBuffer.wrap(b).putInt(offset, value);
        return b;
    }

    private static String utf(ByteBuffer b) {
        int len = Short.toUnsignedInt(b.getShort());
        byte[] s = new byte[len];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }

    private void intArray(ByteBuffer b) {
        lengthFields.add(b.position());
        int n = b.getInt();
        intArrays.add(new int[] {b.position(), n});
        b.position(b.position() + 4 * n);
    }
}
