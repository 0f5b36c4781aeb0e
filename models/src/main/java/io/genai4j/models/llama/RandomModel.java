package io.genai4j.models.llama;

import io.genai4j.engine.DType;
import io.genai4j.engine.io.gguf.GgufArray;
import io.genai4j.engine.io.gguf.GgufFile;
import io.genai4j.engine.io.gguf.GgufMetadata;
import io.genai4j.engine.io.gguf.GgufWriter;
import io.genai4j.text.bpe.ByteAlphabet;
import io.genai4j.text.vocab.TokenType;
import io.genai4j.text.vocab.Vocabulary;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

/**
 * Writes a GGUF model of a preset's shapes with random weights, for benchmarks without downloads.
 * The tensors are what llama.cpp's converter and quantizer write: F32 norms (and Qwen biases), the
 * matrices in the chosen type, and, as llama-quantize does for Q4_0 and other non-Q8_0 types, the
 * token embedding (the output matrix of a tied model) in Q6_K. Weight bytes are random with block
 * scales of a trained model's magnitude (values ~N(0, 0.02)), so the numbers stay finite, but the
 * text a random model writes is noise. Bytes are made while the file is written, never held whole.
 *
 * <p>The vocabulary is copied from a GGUF file when one is given (every {@code tokenizer.*} key);
 * otherwise a built-in byte-level one: 256 byte tokens, begin/end-of-text, and unused fillers up to
 * the preset's size.
 */
public final class RandomModel {
    private RandomModel() {}

    private static final float STD = 0.02f;
    private static final ValueLayout.OfShort LE_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfFloat LE_FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** Matrix types a random model can have. */
    public static final List<DType> TYPES = List.of(DType.F32, DType.F16, DType.BF16, DType.Q8_0, DType.Q4_0, DType.Q4_K, DType.Q6_K);

    /** The type llama-quantize gives the output matrix (the token embedding of a tied model) for a file of type t. */
    public static DType outputTypeFor(DType t) {
        return t.isQuantized() && t != DType.Q8_0 ? DType.Q6_K : t;
    }

    /**
     * @param vocabFile a GGUF file whose tokenizer to copy, or null for the built-in one
     * @param outputType type of the token embedding / output matrix, or null for llama-quantize's choice
     * @param progress  receives the tensor bytes written so far and their total, every MiB (may be null)
     * @return the file's size in bytes
     */
    public static long write(Path out, ModelPreset preset, DType type, DType outputType, long seed, Path vocabFile, BiConsumer<Long, Long> progress)
            throws IOException {
        if (!TYPES.contains(type)) throw new IllegalArgumentException("cannot make random " + type + " weights (supported: " + TYPES + ")");
        DType headType = outputType != null ? outputType : outputTypeFor(type);
        if (!TYPES.contains(headType)) throw new IllegalArgumentException("cannot make a random " + headType + " output matrix (supported: " + TYPES + ")");
        GgufWriter w = new GgufWriter();
        String a = preset.arch().ggufName();
        w.putString("general.architecture", a);
        w.putString("general.name", "random " + preset.name() + " " + type.name().toLowerCase(Locale.ROOT) + " (seed " + seed + ")");
        w.putU32("general.file_type", fileType(type));

        ModelPreset p = preset;
        if (vocabFile != null) {
            try (GgufFile v = GgufFile.open(vocabFile)) {
                for (GgufMetadata.Entry e : v.metadata().entries().values()) {
                    if (e.key().startsWith("tokenizer.")) w.put(e.key(), e.type(), e.value());
                }
                if (!(v.metadata().entry("tokenizer.ggml.tokens").value() instanceof GgufArray tokens)) {
                    throw new IllegalArgumentException(vocabFile + " has no tokenizer.ggml.tokens array");
                }
                p = preset.withVocab(tokens.length());
            }
        } else {
            GgufModelWriter.writeVocabulary(w, builtInVocabulary(preset.vocab()));
        }
        w.putU32(a + ".context_length", p.context());
        w.putU32(a + ".embedding_length", p.dim());
        w.putU32(a + ".block_count", p.layers());
        w.putU32(a + ".feed_forward_length", p.ffn());
        w.putU32(a + ".attention.head_count", p.heads());
        w.putU32(a + ".attention.head_count_kv", p.kvHeads());
        w.putF32(a + ".attention.layer_norm_rms_epsilon", p.normEps());
        w.putF32(a + ".rope.freq_base", p.ropeTheta());
        w.putU32(a + ".rope.dimension_count", p.headDim());
        w.putU32(a + ".vocab_size", p.vocab());

        long[] written = {0, 0};   // bytes written, bytes in all
        long[] tensorSeed = {seed};
        class Adder {
            void matrix(String name, DType asked, int rows, int cols) {
                DType t = fitting(asked, cols);
                written[1] += t.bytesFor((long) rows * cols);
                w.addTensor(name, t, new long[] {rows, cols}, source(t, tensorSeed[0]++, written, progress));
            }

            void vector(String name, int n, float center, float spread) {
                written[1] += 4L * n;
                w.addTensor(name, DType.F32, new long[] {n}, floats(center, spread, tensorSeed[0]++, written, progress));
            }
        }
        Adder add = new Adder();
        int d = p.dim(), kv = p.kvHeads() * p.headDim();
        add.matrix("token_embd.weight", headType, p.vocab(), d);
        if (p.llama31Rope()) {
            float[] f = p.llama31Factors();
            w.addTensor("rope_freqs.weight", DType.F32, new long[] {f.length}, (off, dst) -> {
                for (long i = 0; i < dst.byteSize(); i += 4) dst.set(LE_FLOAT, i, f[(int) ((off + i) / 4)]);
            });
        }
        for (int l = 0; l < p.layers(); l++) {
            String b = "blk." + l + ".";
            add.vector(b + "attn_norm.weight", d, 1f, 0.1f);
            add.matrix(b + "attn_q.weight", type, d, d);
            add.matrix(b + "attn_k.weight", type, kv, d);
            add.matrix(b + "attn_v.weight", type, kv, d);
            if (p.qkvBias()) {
                add.vector(b + "attn_q.bias", d, 0f, 0.1f);
                add.vector(b + "attn_k.bias", kv, 0f, 0.1f);
                add.vector(b + "attn_v.bias", kv, 0f, 0.1f);
            }
            add.matrix(b + "attn_output.weight", type, d, d);
            add.vector(b + "ffn_norm.weight", d, 1f, 0.1f);
            add.matrix(b + "ffn_gate.weight", type, p.ffn(), d);
            add.matrix(b + "ffn_up.weight", type, p.ffn(), d);
            add.matrix(b + "ffn_down.weight", type, d, p.ffn());
        }
        add.vector("output_norm.weight", d, 1f, 0.1f);
        if (!p.tied()) add.matrix("output.weight", headType, p.vocab(), d);
        w.write(out);
        return Files.size(out);
    }

    /**
     * Fills dst with random weights of type t exactly as a random model's matrices are made (values of
     * about N(0, 0.02), finite block scales): for kernel benchmarks that need weights but no file.
     */
    public static void fill(DType t, long seed, MemorySegment dst) {
        if (!TYPES.contains(t)) throw new IllegalArgumentException("cannot make random " + t + " weights (supported: " + TYPES + ")");
        source(t, seed, new long[2], null).fill(0, dst);
    }

    /**
     * The type a matrix with rows of cols elements gets when t's blocks do not divide its rows: the
     * fallback llama-quantize takes (llama-quant.cpp: Q4_K → Q5_0, Q6_K → Q8_0, then F16), e.g. for
     * Qwen2.5-0.5B's 896-wide rows, which are not whole 256-element super-blocks.
     */
    static DType fitting(DType t, int cols) {
        if (cols % t.blockSize() == 0) return t;
        DType fallback = switch (t) {
            case Q4_K -> DType.Q5_0;
            case Q6_K -> DType.Q8_0;
            default -> DType.F16;
        };
        return cols % fallback.blockSize() == 0 ? fallback : DType.F16;
    }

    /** ggml's llama_ftype number of a file whose matrices are t (general.file_type). */
    private static int fileType(DType t) {
        return switch (t) {
            case F32 -> 0;
            case F16 -> 1;
            case Q4_0 -> 2;
            case Q8_0 -> 7;
            case Q4_K -> 15;
            case Q6_K -> 18;
            case BF16 -> 32;
            default -> throw new AssertionError(t);
        };
    }

    /** Random bytes of a matrix of type t, chunk by chunk in order, with finite block scales. */
    private static GgufWriter.Source source(DType t, long seed, long[] written, BiConsumer<Long, Long> progress) {
        SplittableRandom r = new SplittableRandom(seed);
        short[] normal = normalHalves(r);
        return (off, dst) -> {
            long n = dst.byteSize();
            switch (t) {
                case F32 -> {
                    for (long i = 0; i < n; i += 4) dst.set(LE_FLOAT, i, (float) r.nextGaussian() * STD);
                }
                case F16 -> {
                    for (long i = 0; i < n; i += 2) dst.set(LE_SHORT, i, normal[r.nextInt(normal.length)]);
                }
                case BF16 -> {
                    for (long i = 0; i < n; i += 2) dst.set(LE_SHORT, i, (short) (Float.floatToRawIntBits((float) r.nextGaussian() * STD) >>> 16));
                }
                default -> blocks(t, off, dst, r);
            }
            written[0] += n;
            if (progress != null) progress.accept(written[0], written[1]);
        };
    }

    /** 4096 halves drawn from N(0, STD), picked at random: a fast source of realistic F16 weights. */
    private static short[] normalHalves(SplittableRandom r) {
        short[] h = new short[4096];
        for (int i = 0; i < h.length; i++) h[i] = Float.floatToFloat16((float) r.nextGaussian() * STD);
        return h;
    }

    /**
     * Block types: random quant bytes, then every f16 scale in range set so that dequantized values
     * have about STD's magnitude. A scale's value depends only on its block index, so a scale cut in
     * two by a chunk boundary comes out whole.
     */
    private static void blocks(DType t, long off, MemorySegment dst, SplittableRandom r) {
        long n = dst.byteSize();
        for (long i = 0; i + 8 <= n; i += 8) dst.set(ValueLayout.JAVA_LONG_UNALIGNED, i, r.nextLong());
        for (long i = n & ~7L; i < n; i++) dst.set(ValueLayout.JAVA_BYTE, i, (byte) r.nextInt());
        int bb = t.blockBytes();
        int[] scaleAt = switch (t) {
            case Q8_0, Q4_0, Q5_0 -> new int[] {0};
            case Q4_K -> new int[] {0, 2};
            case Q6_K -> new int[] {208};
            default -> throw new AssertionError(t);
        };
        float scale = switch (t) {
            case Q8_0 -> STD / 64;       // |q| up to 127
            case Q4_0 -> STD / 4;        // |q − 8| up to 8
            case Q5_0 -> STD / 8;        // |q − 16| up to 16
            case Q4_K -> STD / 8 / 32;   // d·sc·q with 6-bit sc and 4-bit q
            case Q6_K -> STD / 16 / 64;  // d·sc·(q − 32) with int8 sc
            default -> throw new AssertionError(t);
        };
        short h = Float.floatToFloat16(scale);
        for (long block = off / bb; block * bb < off + n; block++) {
            for (int s : scaleAt) {
                for (int k = 0; k < 2; k++) {
                    long at = block * bb + s + k - off;
                    if (at >= 0 && at < n) dst.set(ValueLayout.JAVA_BYTE, at, (byte) (h >> 8 * k));
                }
            }
        }
    }

    private static GgufWriter.Source floats(float center, float spread, long seed, long[] written, BiConsumer<Long, Long> progress) {
        SplittableRandom r = new SplittableRandom(seed);
        return (off, dst) -> {
            for (long i = 0; i < dst.byteSize(); i += 4) dst.set(LE_FLOAT, i, center + spread * (float) (r.nextDouble() * 2 - 1));
            written[0] += dst.byteSize();
            if (progress != null) progress.accept(written[0], written[1]);
        };
    }

    /** Byte-level BPE without merges (text becomes its bytes), begin/end of text, and unused fillers up to size. */
    static Vocabulary builtInVocabulary(int size) {
        if (size < 258) throw new IllegalArgumentException("a vocabulary needs at least 258 tokens, got " + size);
        String[] tokens = new String[size];
        TokenType[] types = new TokenType[size];
        for (int b = 0; b < 256; b++) {
            tokens[b] = String.valueOf(ByteAlphabet.charOf(b));
            types[b] = TokenType.NORMAL;
        }
        tokens[256] = "<|begin_of_text|>";
        tokens[257] = "<|end_of_text|>";
        types[256] = types[257] = TokenType.CONTROL;
        for (int i = 258; i < size; i++) {
            tokens[i] = "<|unused_" + (i - 258) + "|>";
            types[i] = TokenType.UNUSED;
        }
        return new Vocabulary("gpt2", "default", tokens, null, types, new String[0], 256, 257, -1, -1, -1, Set.of(257),
                true, false, false, "built-in bytes");
    }
}
