package io.genai4j.text.fuzz;

import io.genai4j.engine.io.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Mutations of a JSON document for fuzzing its readers. Structured ones rewrite the parsed tree,
 * so the mutant is still valid JSON and reaches the reader's own checks: a value replaced by a huge
 * or negative count, a fraction, a string, a control-character string, null, an empty or
 * nested container; a member removed; a container made huge. Byte-level ones (flips, JSON
 * punctuation, truncation) test the reader's handling of broken syntax. Seeded, so a failure reproduces.
 */
public final class JsonMutator {
    /** Values that break readers: sizes, ids and dims at and beyond every limit, and wrong types. */
    private static final Object[] HOSTILE = {
            0L, -1L, 1L, 50_000_000L, 500_000_000L, 2_147_483_647L, 2_147_483_648L, 4_294_967_299L, Long.MAX_VALUE, Long.MIN_VALUE,
            new BigInteger("123456789012345678901234567890"), 3.5, -0.0, 1e300, "", "x", "\u001b[31mred\u0007", "BPE", "WordPiece",
            "ByteLevel", "Sequence", "[UNK]", "a b", true, false, null, List.of(), Map.of(), List.of(1L, 2L, 3L), List.of("a", "b"),
            List.of(List.of(List.of(List.of()))), Map.of("type", "x"), Map.of("id", 1L)
    };
    private static final byte[] JSON_CHARS = "{}[]\":,-0123456789eE.+ \\u\0".getBytes(StandardCharsets.ISO_8859_1);

    private final Object seed;
    private final SplittableRandom rnd;

    public JsonMutator(byte[] seedJson, long randomSeed) {
        this.seed = Json.parse(seedJson);
        this.rnd = new SplittableRandom(randomSeed);
    }

    /** A mutant and how it was made (for the failure message). */
    public record Mutant(byte[] bytes, String how) {}

    public Mutant next() {
        int mode = rnd.nextInt(10);
        if (mode < 7) {
            Object tree = copy(seed);
            String how = mutateTree(tree, 1 + (mode == 6 ? rnd.nextInt(4) : 0));
            return new Mutant(Json.toJson(tree, Integer.MAX_VALUE - 16).getBytes(StandardCharsets.UTF_8), how);
        }
        byte[] b = Json.toJson(seed, Integer.MAX_VALUE - 16).getBytes(StandardCharsets.UTF_8);
        return switch (mode) {
            case 7 -> {
                int at = rnd.nextInt(b.length);
                b[at] ^= (byte) (1 << rnd.nextInt(8));
                yield new Mutant(b, "bit flip at byte " + at);
            }
            case 8 -> {
                int at = rnd.nextInt(b.length);
                b[at] = JSON_CHARS[rnd.nextInt(JSON_CHARS.length)];
                yield new Mutant(b, "byte " + at + " set to " + (char) b[at]);
            }
            default -> {
                int len = rnd.nextInt(b.length);
                yield new Mutant(java.util.Arrays.copyOf(b, len), "truncated to " + len + " bytes");
            }
        };
    }

    /** Applies {@code count} mutations at random nodes; returns what was done. */
    private String mutateTree(Object tree, int count) {
        StringBuilder how = new StringBuilder();
        for (int i = 0; i < count; i++) {
            List<Slot> slots = new ArrayList<>();
            collect(tree, "$", slots);
            if (slots.isEmpty()) break;
            Slot s = slots.get(rnd.nextInt(slots.size()));
            int kind = rnd.nextInt(10);
            Object value;
            String what;
            if (kind < 7) {
                value = copy(HOSTILE[rnd.nextInt(HOSTILE.length)]);
                what = "= " + Json.toJson(value, 40);
            } else if (kind == 7) {
                value = "y".repeat(1 << (10 + rnd.nextInt(11))); // up to a megabyte
                what = "= a string of " + ((String) value).length() + " chars";
            } else if (kind == 8) {
                int n = 1 << (8 + rnd.nextInt(10)); // up to 131072 entries
                Map<String, Object> big = new LinkedHashMap<>();
                for (int j = 0; j < n; j++) big.put("t" + j, (long) j * (rnd.nextBoolean() ? 1 : 1000));
                value = rnd.nextBoolean() ? big : new ArrayList<>(big.values());
                what = "= a container of " + n + " entries";
            } else {
                value = REMOVE;
                what = "removed";
            }
            s.set(value);
            how.append(s.path).append(' ').append(what).append("; ");
        }
        return how.toString();
    }

    private static final Object REMOVE = new Object();

    /** A place in the tree that can take a new value. */
    private record Slot(String path, Object container, Object key) {
        @SuppressWarnings("unchecked")
        void set(Object v) {
            if (container instanceof Map<?, ?> m) {
                if (v == REMOVE) m.remove(key);
                else ((Map<Object, Object>) m).put(key, v);
            } else {
                List<Object> l = (List<Object>) container;
                if (v == REMOVE) l.remove((int) (Integer) key);
                else l.set((Integer) key, v);
            }
        }
    }

    private static void collect(Object node, String path, List<Slot> out) {
        if (node instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) {
                String p = path + "." + k;
                out.add(new Slot(p, m, k));
                collect(m.get(k), p, out);
            }
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                String p = path + "[" + i + "]";
                out.add(new Slot(p, l, i));
                collect(l.get(i), p, out);
            }
        }
    }

    /** A mutable deep copy (the parser's trees are unmodifiable). */
    private static Object copy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> c = new LinkedHashMap<>();
            m.forEach((k, x) -> c.put(k, copy(x)));
            return c;
        }
        if (v instanceof List<?> l) {
            List<Object> c = new ArrayList<>();
            for (Object x : l) c.add(copy(x));
            return c;
        }
        return v;
    }
}
