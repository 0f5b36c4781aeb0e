package io.genai4j.models.bert;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.io.Json;
import io.genai4j.text.wordpiece.Batch;
import io.genai4j.text.wordpiece.Encoding;
import io.genai4j.text.wordpiece.WordPieceTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A pretrained BERT-family sentence encoder: tokenizer + frozen {@link BertModel} + pooling. The
 * embedding API the RAG lesson builds on:
 * <pre>
 *   BertEncoder enc = BertEncoder.load("minilm");
 *   float[][] e = enc.encode(List.of("The cat sits on the mat.", "A dog plays."));   // unit vectors
 * </pre>
 * Texts are sorted by length and cut into batches, so each batch pads to similar lengths; results
 * come back in input order. Inference runs without the autograd tape.
 *
 * <p>A text longer than the model's {@code max_seq_length} word pieces (sentence-transformers'
 * limit: 256 for all-MiniLM-L6-v2, 512 for BGE small) is cut to its first pieces, as
 * sentence-transformers does; {@link #embed} says which texts were cut.
 */
public final class BertEncoder {
    /** Default batch size for {@link #encode}. */
    public static final int BATCH = 32;
    /** Batches per thread encoded side by side before the sink sees them (bounds the memory held). */
    private static final int GROUP_PER_THREAD = 2;

    private final String name;
    private final BertModel model;
    private final WordPieceTokenizer tokenizer;
    private final Pooling pooling;
    private final int maxLength;

    /** With the longest input BERT's position table allows (512 for most checkpoints). */
    public BertEncoder(String name, BertModel model, WordPieceTokenizer tokenizer, Pooling pooling) {
        this(name, model, tokenizer, pooling, Math.min(WordPieceTokenizer.DEFAULT_MAX_LENGTH, model.config().maxPositions()));
    }

    /** @param maxLength the model's max_seq_length in word pieces, [CLS] and [SEP] included */
    public BertEncoder(String name, BertModel model, WordPieceTokenizer tokenizer, Pooling pooling, int maxLength) {
        this.name = name;
        this.model = model;
        this.tokenizer = tokenizer;
        this.pooling = pooling;
        if (maxLength < 3 || maxLength > model.config().maxPositions()) {
            throw new IllegalArgumentException("max_seq_length " + maxLength + " is outside 3.." + model.config().maxPositions()
                    + " (the model's position table)");
        }
        this.maxLength = maxLength;
        if (tokenizer.vocabSize() > model.config().vocabSize()) {
            throw new IllegalArgumentException("the tokenizer has " + tokenizer.vocabSize() + " tokens but the model only " + model.config().vocabSize());
        }
    }

    /**
     * "minilm" (all-MiniLM-L6-v2, mean pooling) or "bge-small" (BGE small en v1.5, CLS pooling)
     * from the bundled Maven artifacts; a path to an .onnx file (tokenizer.json beside it); or a
     * Hugging Face model folder (config.json, model.safetensors, tokenizer.json or vocab.txt).
     */
    public static BertEncoder load(String spec) throws IOException {
        for (BundledModel b : BundledModel.values()) {
            if (b.id.equals(spec.toLowerCase(Locale.ROOT))) return b.load();
        }
        Path p = Path.of(spec);
        if (Files.isDirectory(p)) return loadHf(p);
        if (Files.isRegularFile(p) && p.toString().endsWith(".onnx")) {
            Path tok = sibling(p, "tokenizer.json");
            BertModel model = OnnxBert.load(p);
            return new BertEncoder(p.getFileName().toString(), model, WordPieceTokenizer.fromTokenizerJson(tok), Pooling.MEAN,
                    MaxSeqLength.of(p.getParent(), model.config().maxPositions()));
        }
        throw new IllegalArgumentException("no model '" + spec + "': expected minilm, bge-small, an .onnx file or a Hugging Face model folder");
    }

    private static Path sibling(Path onnx, String name) throws IOException {
        String base = onnx.getFileName().toString().replaceFirst("\\.onnx$", "");
        for (Path c : new Path[] {onnx.resolveSibling(base + "-tokenizer.json"), onnx.resolveSibling(name)}) if (Files.isRegularFile(c)) return c;
        throw new IOException("no tokenizer.json next to " + onnx);
    }

    @SuppressWarnings("unchecked")
    static BertEncoder loadHf(Path dir) throws IOException {
        BertModel model = HfBert.load(dir);
        WordPieceTokenizer tok;
        if (Files.isRegularFile(dir.resolve("tokenizer.json"))) {
            tok = WordPieceTokenizer.fromTokenizerJson(dir.resolve("tokenizer.json"));
        } else if (Files.isRegularFile(dir.resolve("vocab.txt"))) {
            boolean lower = true;
            Path tc = dir.resolve("tokenizer_config.json");
            if (Files.isRegularFile(tc) && ((Map<String, Object>) Json.parse(Files.readAllBytes(tc))).get("do_lower_case") instanceof Boolean b) lower = b;
            tok = WordPieceTokenizer.fromVocabTxt(dir.resolve("vocab.txt"), lower);
        } else {
            throw new IOException(dir + " has neither tokenizer.json nor vocab.txt");
        }
        Pooling pooling = Pooling.MEAN;
        Path pc = dir.resolve("1_Pooling").resolve("config.json");   // sentence-transformers' pooling module
        if (Files.isRegularFile(pc) && Boolean.TRUE.equals(((Map<String, Object>) Json.parse(Files.readAllBytes(pc))).get("pooling_mode_cls_token"))) {
            pooling = Pooling.CLS;
        }
        return new BertEncoder(dir.getFileName().toString(), model, tok, pooling, MaxSeqLength.of(dir, model.config().maxPositions()));
    }

    /** The same weights and tokenizer with another pooling. */
    public BertEncoder withPooling(Pooling p) {
        return new BertEncoder(name, model, tokenizer, p, maxLength);
    }

    /** The same model with another input limit (word pieces, [CLS] and [SEP] included). */
    public BertEncoder withMaxLength(int maxLength) {
        return new BertEncoder(name, model, tokenizer, pooling, maxLength);
    }

    // ------------------------------------------------------------------------------------- inference

    /** Unit-length sentence embeddings, in input order. */
    public float[][] encode(List<String> texts) {
        return encode(texts, BATCH, null);
    }

    /** As {@link #encode(List)}, with a batch size and a callback told how many texts are done. */
    public float[][] encode(List<String> texts, int batchSize, IntConsumer progress) {
        return embed(texts, batchSize, progress).vectors();
    }

    /** Unit-length sentence embeddings and, per text, its tokens before and after truncation. */
    public Embeddings embed(List<String> texts) {
        return embed(texts, BATCH, null);
    }

    public Embeddings embed(List<String> texts, int batchSize, IntConsumer progress) {
        float[][] out = new float[texts.size()][];
        int[] tokens = new int[texts.size()], fullTokens = new int[texts.size()];
        forEachBatch(texts, batchSize, fullTokens, (idx, batch, hidden) -> {
            float[][] pooled = pooling.pool(hidden, batch.attentionMask());
            for (int i = 0; i < idx.length; i++) {
                out[idx[i]] = Pooling.l2Normalize(pooled[i]);
                tokens[idx[i]] = batch.realLength(i);
            }
            if (progress != null) progress.accept(idx.length);
        });
        return new Embeddings(out, tokens, fullTokens, maxLength);
    }

    /** What {@link #forEachBatch} hands over: original indices, the padded batch, its last hidden state. */
    @FunctionalInterface
    public interface BatchSink {
        void accept(int[] indices, Batch batch, Tensor lastHidden);
    }

    /** Runs the encoder over texts sorted by token count, batchSize at a time (texts cut at {@link #maxLength}). */
    public void forEachBatch(List<String> texts, int batchSize, BatchSink sink) {
        forEachBatch(texts, batchSize, new int[texts.size()], sink);
    }

    /** As above; fullTokens[i] receives text i's length in word pieces before truncation. */
    private void forEachBatch(List<String> texts, int batchSize, int[] fullTokens, BatchSink sink) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        List<Encoding> enc = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            int[] pieces = tokenizer.tokenize(texts.get(i));
            fullTokens[i] = pieces.length + tokenizer.specialTokens(false);
            enc.add(tokenizer.encodeTokens(pieces, null, maxLength));
        }
        Integer[] order = new Integer[texts.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingInt(i -> enc.get(i).length()));
        int group = GROUP_PER_THREAD * Parallel.threads();   // batches encoded side by side, then handed over in order
        for (int g = 0; g < order.length; g += group * batchSize) {
            List<int[]> indices = new ArrayList<>();
            List<Batch> batches = new ArrayList<>();
            for (int s = g; s < Math.min(order.length, g + group * batchSize); s += batchSize) {
                int n = Math.min(batchSize, order.length - s);
                int[] idx = new int[n];
                List<Encoding> part = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    idx[i] = order[s + i];
                    part.add(enc.get(idx[i]));
                }
                indices.add(idx);
                batches.add(Batch.of(part, tokenizer.padId(), 1));
            }
            Tensor[] hidden = lastHiddenStates(batches);
            for (int b = 0; b < batches.size(); b++) sink.accept(indices.get(b), batches.get(b), hidden[b]);
        }
    }

    /**
     * The last hidden states of several batches, in order. With two or more batches and threads,
     * each thread runs whole batches (their ops then run on that thread alone): at BERT-small sizes
     * one batch's ops are too short to keep two cores busy — output allocation, norms and dispatch
     * between the GEMMs run serially — while whole batches side by side scale almost linearly.
     */
    public Tensor[] lastHiddenStates(List<Batch> batches) {
        Tensor[] out = new Tensor[batches.size()];
        Parallel.forEach(batches.size(), i -> out[i] = lastHiddenState(batches.get(i)));
        return out;
    }

    /** The last hidden state [B, T, hidden] of an encoded batch (no gradient). */
    public Tensor lastHiddenState(Batch batch) {
        try (Grad g = Grad.off()) {
            return model.forward(batch);
        }
    }

    /** The last hidden state and every layer's attention weights [B, heads, T, T]. */
    public Tensor lastHiddenState(Batch batch, List<Tensor> attentions) {
        try (Grad g = Grad.off()) {
            return model.forward(batch, attentions);
        }
    }

    public String name() {
        return name;
    }

    public BertModel model() {
        return model;
    }

    public WordPieceTokenizer tokenizer() {
        return tokenizer;
    }

    public Pooling pooling() {
        return pooling;
    }

    public int dimension() {
        return model.config().hidden();
    }

    /** The longest input in word pieces, [CLS] and [SEP] included (sentence-transformers' max_seq_length). */
    public int maxLength() {
        return maxLength;
    }
}
