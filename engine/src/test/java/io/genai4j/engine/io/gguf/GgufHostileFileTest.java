package io.genai4j.engine.io.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files built to hurt the reader: the reproductions, each a clear error or a bounded cost. */
class GgufHostileFileTest {
    @TempDir
    Path dir;

    /** Header with one metadata entry "a": an array of element type et and declared length n, then payload. */
    private static byte[] oneArray(int et, long n, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(64 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(GgufReader.MAGIC).putInt(3).putLong(0).putLong(1);
        b.putLong(1).put((byte) 'a').putInt(GgufValueType.ARRAY.id()).putInt(et).putLong(n).put(payload);
        return Arrays.copyOf(b.array(), b.position());
    }

    /** The bytes, then a hole up to sizeBytes (a sparse file: a few hundred real bytes, gigabytes declared). */
    private Path sparse(String name, byte[] bytes, long sizeBytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(sizeBytes);
        }
        return p;
    }

    @Test
    void arrayLengthsPastAJavaArrayAreClearErrorsInFilesLargerThan2GB() throws IOException {
        // Before: 2^31 threw NegativeArraySizeException, 2^32+3 was read as an array of 3.
        for (long n : new long[] {1L << 31, (1L << 32) + 3}) {
            Path p = sparse("big" + n + ".gguf", oneArray(GgufValueType.UINT8.id(), n, new byte[] {1, 2, 3}), 6L << 30);
            GgufException e = assertThrows(GgufException.class, () -> GgufFile.open(p).close(), "length " + n);
            assertTrue(e.getMessage().contains("array length " + n) && e.getMessage().contains("exceeds"), e.getMessage());
        }
    }

    @Test
    void aHugeTensorCountInASparseFileAllocatesNothingUpFront() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(GgufReader.MAGIC).putInt(3).putLong(100_000_000).putLong(0);   // 10^8 tensor infos "fit" in 3 GB of zeros
        Path p = sparse("count.gguf", b.array(), 3L << 30);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        GgufException e = assertThrows(GgufException.class, () -> GgufFile.open(p).close());
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // Before: a list presized to 10^8 entries (400 MB) before the first, empty, tensor info was refused.
        assertTrue(allocated < 64 << 20, "allocated " + allocated + " bytes");
        assertTrue(e.getMessage().contains("has 0 dimensions"), e.getMessage());
    }

    @Test
    void aLargeArrayStaysInTheMappingUntilAsked() throws IOException {
        int n = 64 << 20;
        byte[] payload = new byte[n];
        payload[n - 1] = 7;
        Path p = dir.resolve("u8.gguf");
        Files.write(p, oneArray(GgufValueType.UINT8.id(), n, payload));
        payload = null;
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        try (GgufFile f = GgufFile.open(p)) {
            GgufArray a = f.metadata().array("a");
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            // Before: 512 MB of long[] at open. Now a view: the header's objects and first-use class
            // initialisation (~3 MB), far below even the array's own 64 MB.
            assertTrue(allocated < n / 8, "opening allocated " + allocated + " bytes");
            assertEquals(n, a.length());
            long[] values = (long[]) a.values();
            assertEquals(7L, values[n - 1]);
        }
    }

    @Test
    void viewsDecodeEveryTypeAndSurviveDetaching() throws IOException {
        GgufWriter w = new GgufWriter();
        w.putStrings("s", new String[] {"x", "", "é"});
        w.put("b", GgufValueType.ARRAY, new GgufArray(GgufValueType.BOOL, new boolean[] {true, false}));
        w.put("d", GgufValueType.ARRAY, new GgufArray(GgufValueType.FLOAT64, new double[] {1.5, -2}));
        w.put("i8", GgufValueType.ARRAY, new GgufArray(GgufValueType.INT8, new long[] {-1, 5}));
        Path p = dir.resolve("v.gguf");
        w.write(p);
        GgufWriter copy = new GgufWriter();
        try (GgufFile f = GgufFile.open(p)) {
            assertArrayEquals(new String[] {"x", "", "é"}, f.metadata().strings("s"));
            assertArrayEquals(new boolean[] {true, false}, (boolean[]) f.metadata().array("b").values());
            assertArrayEquals(new double[] {1.5, -2}, (double[]) f.metadata().array("d").values());
            assertArrayEquals(new long[] {-1, 5}, (long[]) f.metadata().array("i8").values());
            copy.putAll(f.metadata());
        }
        Path q = dir.resolve("copy.gguf");
        copy.write(q);   // after the source closed: the copy holds its own values
        try (GgufFile f = GgufFile.open(q)) {
            assertArrayEquals(new String[] {"x", "", "é"}, f.metadata().strings("s"));
        }
    }

    @Test
    void keysAndNamesFromTheFileAreEscapedAndCutInMessages() throws IOException {
        String key = "k".repeat(14_000) + "\u001b[2J";
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(k.length + 64).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(GgufReader.MAGIC).putInt(3).putLong(0).putLong(1).putLong(k.length).put(k).putInt(77);
        Path p = dir.resolve("key.gguf");
        Files.write(p, Arrays.copyOf(b.array(), b.position()));
        GgufException e = assertThrows(GgufException.class, () -> GgufFile.open(p).close());
        assertTrue(e.getMessage().length() < 400, e.getMessage().length() + " chars");
        assertTrue(e.getMessage().contains("unknown value type 77"), e.getMessage());
        assertFalse(e.getMessage().contains("\u001b"), "raw ESC in the message");
    }
}
