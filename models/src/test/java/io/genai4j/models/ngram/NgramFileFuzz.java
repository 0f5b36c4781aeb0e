package io.genai4j.models.ngram;

import io.genai4j.text.Corpus;
import io.genai4j.text.fuzz.FuzzTally;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The fuzz run behind {@link NgramFileFuzzTest} (a main, for a child JVM with a small heap).
 * Mutates saved char and word models. Structured mutations rewrite the inflated body, so they
 * reach the reader's checks past the deflate layer: a length field set to a huge, negative, zero or
 * off-by-one count; the order or vocabulary size set to 0, negative or huge; an array element set to
 * -1, 0, the vocabulary size, the node count or a neighbour's value; the unit name replaced. Others
 * flip, truncate or extend the body or the compressed file. An accepted mutant must also work:
 * all three smoothings, evaluation, next-token tables and generation.
 */
public final class NgramFileFuzz {
    private static final Corpus TOY = new Corpus("toy", "the cat sat on the mat.\nthe dog sat on the log.\n".repeat(20) + "the cat ate.\n");

    public static void main(String[] args) throws Exception {
        int iterations = Integer.parseInt(args[0]);
        SplittableRandom rnd = new SplittableRandom(Long.parseLong(args[1]));
        Path dir = Files.createTempDirectory("ngram-fuzz");
        NgramPayload[] seeds = new NgramPayload[Unit.values().length];
        for (Unit u : Unit.values()) {
            Path f = dir.resolve(u + ".ngram");
            NgramFile.save(NgramModel.train(TOY, u, 3), f);
            seeds[u.ordinal()] = NgramPayload.read(f);
        }
        FuzzTally tally = FuzzTally.userErrors();
        Path file = dir.resolve("mutant.ngram");
        for (int i = 0; i < iterations; i++) {
            NgramPayload seed = seeds[i % seeds.length];
            String how = mutate(seed, file, rnd);
            tally.attempt("iteration " + i + ": " + how, () -> use(NgramFile.load(file)));
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.delete(p);
        }
        Files.delete(dir);
        System.out.println(tally.summary());
    }

    /** Writes one mutant of {@code seed} to {@code file}; returns how it was made. */
    static String mutate(NgramPayload seed, Path file, SplittableRandom rnd) throws Exception {
        byte[] body = seed.body;
        int nodes = seed.intArrays.getLast()[1] - 1;
        int vocab = ByteBuffer.wrap(body).getInt(seed.vocabField);
        int[] hostile = {0, -1, 1, 2, vocab - 1, vocab, vocab + 1, nodes - 1, nodes, nodes + 1, 1 << 28, (1 << 28) + 1, Integer.MAX_VALUE,
                Integer.MIN_VALUE, 17, 16, 65_536};
        int h = hostile[rnd.nextInt(hostile.length)];
        switch (rnd.nextInt(9)) {
            case 0 -> {
                int field = seed.lengthFields.get(rnd.nextInt(seed.lengthFields.size()));
                NgramPayload.write(file, seed.withInt(field, h));
                return "length field at " + field + " = " + h;
            }
            case 1 -> {
                boolean order = rnd.nextBoolean();
                NgramPayload.write(file, seed.withInt(order ? seed.orderField : seed.vocabField, h));
                return (order ? "order" : "vocabulary size") + " = " + h;
            }
            case 2, 3 -> {
                int[] a = seed.intArrays.get(rnd.nextInt(seed.intArrays.size()));
                if (a[1] == 0) return mutate(seed, file, rnd);
                int k = rnd.nextInt(a[1]), at = a[0] + 4 * k;
                int v = rnd.nextInt(3) == 0 ? ByteBuffer.wrap(body).getInt(a[0] + 4 * rnd.nextInt(a[1])) : h; // or a neighbour's value
                NgramPayload.write(file, seed.withInt(at, v));
                return "array at " + a[0] + " element " + k + " = " + v;
            }
            case 4 -> {
                byte[] b = body.clone();
                String unit = rnd.nextBoolean() ? "BYTE" : "\u001b[31mWORD";
                byte[] u = unit.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                byte[] out = new byte[b.length - 4 + u.length];
                ByteBuffer.wrap(out).putShort((short) u.length).put(u).put(b, 6, b.length - 6); // both seeds' units are 4 bytes
                NgramPayload.write(file, out);
                return "unit = " + unit;
            }
            case 5 -> {
                byte[] b = body.clone();
                int flips = 1 + rnd.nextInt(4);
                for (int f = 0; f < flips; f++) b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                NgramPayload.write(file, b);
                return flips + " bit flips in the body";
            }
            case 6 -> {
                int len = rnd.nextInt(body.length);
                NgramPayload.write(file, Arrays.copyOf(body, len));
                return "body truncated to " + len;
            }
            case 7 -> {
                byte[] b = Arrays.copyOf(body, body.length + 1 + rnd.nextInt(64));
                NgramPayload.write(file, b);
                return "body extended by " + (b.length - body.length) + " zero bytes";
            }
            default -> {
                NgramPayload.write(file, body);
                byte[] f = Files.readAllBytes(file);
                int at = NgramPayload.MAGIC.length + rnd.nextInt(f.length - NgramPayload.MAGIC.length);
                f[at] ^= (byte) (1 << rnd.nextInt(8));
                Files.write(file, f);
                return "bit flip in the compressed file at " + at;
            }
        }
    }

    /** What the n-gram lesson does with a model. */
    private static void use(NgramModel m) {
        String text = m.unit() == Unit.CHAR ? "the cat" : "the cat sat";
        for (Smoothing s : Smoothing.values()) {
            LanguageModel lm = m.smoothed(s, m.order(), Smoothing.Params.DEFAULT);
            m.evaluate(lm, text);
            m.next(lm, "", 3);
            m.generate(lm, "", 5, new Sampler(1.0, 0, 1));
        }
    }
}
