package io.genai4j.rag.embed;

import io.genai4j.models.bert.BertEncoder;
import io.genai4j.text.wordpiece.WordPieceTokenizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Embeds passages and queries with one BERT encoder. Vectors are L2-normalised by the encoder, so
 * a dot product is the cosine. BGE v1.5 is trained with an instruction before short queries
 * ({@link #BGE_QUERY_PREFIX}, from the model card) and none before passages; MiniLM uses none.
 */
public final class Embedder {
    /** BAAI/bge-small-en-v1.5's query instruction for retrieval (model card, "Using Sentence-Transformers"). */
    public static final String BGE_QUERY_PREFIX = "Represent this sentence for searching relevant passages: ";

    private final BertEncoder encoder;
    private final String queryPrefix;
    private final String name;

    /** @param name what an index records as its model: a spec {@link #load} takes back */
    public Embedder(BertEncoder encoder, String queryPrefix, String name) {
        this.encoder = encoder;
        this.queryPrefix = queryPrefix;
        this.name = name;
    }

    /** A bundled encoder by name (minilm, bge-small) or a model path, with its query prefix; named by spec. */
    public static Embedder load(String spec) throws IOException {
        BertEncoder enc = BertEncoder.load(spec);
        return new Embedder(enc, prefixFor(enc.name()), spec);
    }

    /** The query instruction for a model name: BGE models take theirs, others none. */
    public static String prefixFor(String modelName) {
        return modelName.toLowerCase(Locale.ROOT).contains("bge") ? BGE_QUERY_PREFIX : "";
    }

    /** Passage vectors in input order, batched; progress is told how many texts are done. */
    public float[][] passages(List<String> texts, IntConsumer progress) {
        return encoder.encode(texts, BertEncoder.BATCH, progress);
    }

    public float[][] queries(List<String> questions, IntConsumer progress) {
        List<String> prefixed = new ArrayList<>(questions.size());
        for (String q : questions) prefixed.add(queryPrefix + q);
        return encoder.encode(prefixed, BertEncoder.BATCH, progress);
    }

    public float[] query(String question) {
        return queries(List.of(question), null)[0];
    }

    /** The model as an index records it (the spec it was loaded from). */
    public String name() {
        return name;
    }

    public String queryPrefix() {
        return queryPrefix;
    }

    public int dimension() {
        return encoder.dimension();
    }

    /** The encoder's input limit in word pieces, [CLS] and [SEP] included. */
    public int maxLength() {
        return encoder.maxLength();
    }

    public WordPieceTokenizer tokenizer() {
        return encoder.tokenizer();
    }
}
