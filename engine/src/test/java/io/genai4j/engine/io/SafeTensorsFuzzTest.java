package io.genai4j.engine.io;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.genai4j.engine.DType;
import io.genai4j.engine.quant.FloatDecoder;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates a valid file thousands of times. Each mutant must either open and read back completely,
 * or be rejected with a SafeTensorsException: any other exception (an index error, an
 * OutOfMemoryError, a NumberFormatException leaking from parsing) is a hardening bug.
 *
 * <p>Mutations aim at the header, where the interesting bugs are: bit flips, JSON-significant
 * characters, digits changed to huge or negative numbers, inserted and deleted bytes, a rewritten
 * length prefix, and truncation. The seed is fixed so a failure reproduces.
 */
@SmallHeap
class SafeTensorsFuzzTest {

    @TempDir
    Path dir;

    private static final byte[] JSON_CHARS = "{}[]\":,-0123456789eE.+ \\u\0\u00ff".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    private static byte[] validFile(Path dir) throws IOException {
        Path p = dir.resolve("seed.safetensors");
        SafeTensors.write(p, List.of(
                WriteEntry.ofFloats("a.weight", DType.F32, new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6}),
                WriteEntry.ofFloats("a.bias", DType.BF16, new long[] {3}, new float[] {1, 2, 3}),
                WriteEntry.ofFloats("h", DType.F16, new long[] {2}, new float[] {1, 2}),
                WriteEntry.ofLongs("ids", new long[] {2}, new long[] {1, 2}),
                WriteEntry.ofBytes("mask", DType.BOOL, new long[] {3}, new byte[] {0, 1, 1}),
                WriteEntry.ofFloats("s", DType.F32, new long[] {}, new float[] {1}),
                WriteEntry.ofFloats("z", DType.F32, new long[] {0, 3}, new float[] {})),
                Map.of("format", "pt", "k", "v\u00e9"));
        return Files.readAllBytes(p);
    }

    private record Mutant(byte[] bytes, String how) {}

    private static Mutant mutate(byte[] orig, SplittableRandom rnd) {
        int headerEnd = (int) Math.min(orig.length, 8 + ByteBuffer.wrap(orig, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
        byte[] b = orig.clone();
        int mode = rnd.nextInt(8);
        switch (mode) {
            case 0 -> { // bit flips in the header
                int flips = 1 + rnd.nextInt(3);
                StringBuilder how = new StringBuilder("bit flips at");
                for (int i = 0; i < flips; i++) {
                    int at = rnd.nextInt(headerEnd);
                    b[at] ^= (byte) (1 << rnd.nextInt(8));
                    how.append(' ').append(at);
                }
                return new Mutant(b, how.toString());
            }
            case 1 -> { // a JSON-significant character somewhere in the JSON
                int at = 8 + rnd.nextInt(headerEnd - 8);
                b[at] = JSON_CHARS[rnd.nextInt(JSON_CHARS.length)];
                return new Mutant(b, "char " + (char) (b[at] & 0xFF) + " at " + at);
            }
            case 2 -> { // truncation
                int len = rnd.nextInt(orig.length);
                return new Mutant(Arrays.copyOf(orig, len), "truncated to " + len);
            }
            case 3 -> { // rewritten length prefix
                long n = switch (rnd.nextInt(4)) {
                    case 0 -> headerEnd - 8 + rnd.nextInt(-16, 17);
                    case 1 -> rnd.nextLong();
                    case 2 -> rnd.nextLong(0, orig.length + 64);
                    default -> Long.MIN_VALUE + rnd.nextInt(16);
                };
                ByteBuffer.wrap(b, 0, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(n);
                return new Mutant(b, "length prefix " + Long.toUnsignedString(n));
            }
            case 4 -> { // insert or delete a header byte, leaving the prefix stale
                int at = 8 + rnd.nextInt(headerEnd - 8);
                byte[] out;
                if (rnd.nextBoolean()) {
                    out = new byte[b.length + 1];
                    System.arraycopy(b, 0, out, 0, at);
                    out[at] = JSON_CHARS[rnd.nextInt(JSON_CHARS.length)];
                    System.arraycopy(b, at, out, at + 1, b.length - at);
                    return new Mutant(out, "inserted at " + at);
                }
                out = new byte[b.length - 1];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + 1, out, at, b.length - at - 1);
                return new Mutant(out, "deleted at " + at);
            }
            case 5 -> { // replace a digit with a number that may be huge, negative or fractional
                int at = 8 + rnd.nextInt(headerEnd - 8);
                while (at < headerEnd && !Character.isDigit(b[at])) at++;
                if (at >= headerEnd) return new Mutant(b, "unchanged");
                String[] numbers = {"-1", "0", "99999999999", "9223372036854775807", "18446744073709551616", "1e3", "2.5",
                        "4294967296", "-0", "00", String.valueOf(rnd.nextInt(64))};
                String num = numbers[rnd.nextInt(numbers.length)];
                byte[] rep = num.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                byte[] out = new byte[b.length - 1 + rep.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(rep, 0, out, at, rep.length);
                System.arraycopy(b, at + 1, out, at + rep.length, b.length - at - 1);
                // Keep the prefix consistent so the change reaches the header validation.
                long n = headerEnd - 8 - 1 + rep.length;
                ByteBuffer.wrap(out, 0, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(n);
                return new Mutant(out, "digit at " + at + " -> " + num);
            }
            case 6 -> { // random bytes anywhere, data included
                int at = rnd.nextInt(b.length);
                b[at] = (byte) rnd.nextInt(256);
                return new Mutant(b, "byte at " + at);
            }
            default -> { // extra bytes appended
                byte[] out = Arrays.copyOf(b, b.length + 1 + rnd.nextInt(16));
                return new Mutant(out, "appended " + (out.length - b.length));
            }
        }
    }

    /** Reads everything the header declares; returns true if accepted, false if rejected cleanly. */
    private static boolean readAllInMemory(byte[] bytes) {
        MemorySegment seg = MemorySegment.ofArray(bytes);
        try {
            SafeTensorsHeader h = SafeTensorsHeader.read("mutant", seg);
            for (TensorInfo t : h.tensors()) {
                FloatDecoder.decode(t.dtype(), seg.asSlice(h.dataStart() + t.begin(), t.byteSize()), t.numel());
            }
            h.metadata().forEach((k, v) -> { });
            return true;
        } catch (SafeTensorsException expected) {
            return false;
        }
    }

    private static boolean readAllFromFile(Path p) throws IOException {
        try (SafeTensorsFile f = SafeTensors.open(p)) {
            for (TensorInfo t : f.tensors()) {
                f.readF32(t.name());
                f.data(t.name());
            }
            return true;
        } catch (SafeTensorsException expected) {
            return false;
        }
    }

    @Test
    void mutantsAreReadOrRejectedCleanlyInMemory() throws IOException {
        byte[] orig = validFile(dir);
        assertTrue(readAllInMemory(orig));
        SplittableRandom rnd = new SplittableRandom(20240611);
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < 20_000; i++) {
            Mutant m = mutate(orig, rnd);
            try {
                if (readAllInMemory(m.bytes)) accepted++;
                else rejected++;
            } catch (Throwable t) {
                fail("mutation " + i + " (" + m.how + ") threw " + t + "\nfile: " + HexFormat.of().formatHex(m.bytes), t);
            }
        }
        // Both outcomes must occur, or the mutations are not exercising anything.
        assertTrue(accepted > 100, "accepted " + accepted);
        assertTrue(rejected > 1000, "rejected " + rejected);
    }

    @Test
    void mutantsAreReadOrRejectedCleanlyThroughFiles() throws IOException {
        byte[] orig = validFile(dir);
        SplittableRandom rnd = new SplittableRandom(7);
        Path p = dir.resolve("mutant.safetensors");
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < 2_000; i++) {
            Mutant m = mutate(orig, rnd);
            Files.write(p, m.bytes);
            try {
                if (readAllFromFile(p)) accepted++;
                else rejected++;
            } catch (Throwable t) {
                fail("mutation " + i + " (" + m.how + ") threw " + t + "\nfile: " + HexFormat.of().formatHex(m.bytes), t);
            }
        }
        assertTrue(accepted > 10, "accepted " + accepted);
        assertTrue(rejected > 100, "rejected " + rejected);
    }

    private static final Object[] HOSTILE = {0L, -1L, 1L, 3L, 1L << 31, 4_294_967_299L, 1L << 40, Long.MAX_VALUE, 2.5, 1e300, "3", null, true,
            List.of(), Map.of(), new java.math.BigInteger("18446744073709551616")};

    /** A value for a shape, dtype, offsets or metadata field: plausible, huge, zero or of the wrong type. */
    private static Object hostile(String field, SplittableRandom rnd) {
        return switch (field) {
            case "shape" -> switch (rnd.nextInt(4)) {
                case 0 -> Arrays.asList(HOSTILE[rnd.nextInt(HOSTILE.length)]);
                case 1 -> Arrays.asList(0L, HOSTILE[rnd.nextInt(HOSTILE.length)]);
                case 2 -> List.of(1L << 31, 1L << 31, 0L);
                default -> HOSTILE[rnd.nextInt(HOSTILE.length)];
            };
            case "dtype" -> new Object[] {"F32", "F16", "BF16", "I64", "BOOL", "U8", "F8_E4M3", "Q4_0", "f32", "", 1L, null, List.of("F32")}[rnd.nextInt(13)];
            case "data_offsets" -> switch (rnd.nextInt(3)) {
                case 0 -> Arrays.asList(HOSTILE[rnd.nextInt(HOSTILE.length)], HOSTILE[rnd.nextInt(HOSTILE.length)]);
                case 1 -> List.of(0L);
                default -> HOSTILE[rnd.nextInt(HOSTILE.length)];
            };
            default -> HOSTILE[rnd.nextInt(HOSTILE.length)];
        };
    }

    /** The file with one field of its JSON header replaced by a hostile value, the data left as it was. */
    @SuppressWarnings("unchecked")
    private static Mutant structured(byte[] orig, SplittableRandom rnd) {
        long headerLen = ByteBuffer.wrap(orig, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        Map<String, Object> header = new java.util.LinkedHashMap<>((Map<String, Object>) Json.parse(Arrays.copyOfRange(orig, 8, 8 + (int) headerLen)));
        List<String> names = new java.util.ArrayList<>(header.keySet());
        String name = names.get(rnd.nextInt(names.size()));
        String how;
        if (name.equals("__metadata__")) {
            Map<String, Object> meta = new java.util.LinkedHashMap<>((Map<String, Object>) header.get(name));
            Object v = rnd.nextBoolean() ? hostile("metadata", rnd) : "\u001b[2J" + "x".repeat(rnd.nextInt(1000));
            meta.put("k", v);
            header.put(name, rnd.nextInt(5) == 0 ? v : meta);
            how = "__metadata__ k = " + v;
        } else {
            Map<String, Object> entry = new java.util.LinkedHashMap<>((Map<String, Object>) header.get(name));
            String field = new String[] {"shape", "dtype", "data_offsets", "extra"}[rnd.nextInt(4)];
            Object v = hostile(field, rnd);
            if (v == null && rnd.nextBoolean()) entry.remove(field);
            else entry.put(field, v);
            header.put(rnd.nextInt(20) == 0 ? "\u001b]0;" + name : name, rnd.nextInt(20) == 0 ? v : entry);
            how = name + "." + field + " = " + v;
        }
        byte[] json = Json.toJson(header, Integer.MAX_VALUE).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] data = Arrays.copyOfRange(orig, 8 + (int) headerLen, orig.length);
        ByteBuffer out = ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(json.length).put(json).put(data);
        return new Mutant(out.array(), how);
    }

    @Test
    void structuredHeaderMutantsAreReadOrRejectedCleanly() throws IOException {
        byte[] orig = validFile(dir);
        SplittableRandom rnd = new SplittableRandom(99);
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < 5_000; i++) {
            Mutant m = structured(orig, rnd);
            try {
                if (readAllInMemory(m.bytes)) accepted++;
                else rejected++;
            } catch (Throwable t) {
                fail("structured mutation " + i + " (" + m.how + ") threw " + t, t);
            }
        }
        assertTrue(accepted > 100, "accepted " + accepted);
        assertTrue(rejected > 1000, "rejected " + rejected);
    }
}
