package io.genai4j.models.bert;

import io.genai4j.engine.util.Printable;
import java.util.Map;

/**
 * The shape of a BERT encoder, with Hugging Face config.json names in the comments.
 *
 * @param vocabSize       vocab_size: rows of the word embedding table
 * @param hidden          hidden_size: d_model
 * @param layers          num_hidden_layers
 * @param heads           num_attention_heads (d_k = hidden / heads)
 * @param intermediate    intermediate_size: width of the feed-forward layer (4·hidden in BERT-base)
 * @param maxPositions    max_position_embeddings: rows of the learned position table
 * @param typeVocab       type_vocab_size: segment embeddings (2: sentence A and B)
 * @param layerNormEps    layer_norm_eps (1e-12 in BERT)
 */
public record BertConfig(int vocabSize, int hidden, int layers, int heads, int intermediate, int maxPositions,
                         int typeVocab, float layerNormEps) {

    public BertConfig {
        if (hidden <= 0 || layers <= 0 || heads <= 0 || hidden % heads != 0) {
            throw new IllegalArgumentException("bad BERT shape: hidden " + hidden + ", layers " + layers + ", heads " + heads);
        }
        if (vocabSize <= 0 || intermediate <= 0 || maxPositions <= 0 || typeVocab <= 0 || !(layerNormEps > 0)) {
            throw new IllegalArgumentException("bad BERT shape: vocab " + vocabSize + ", intermediate " + intermediate + ", positions " + maxPositions
                    + ", token types " + typeVocab + ", layer_norm_eps " + layerNormEps);
        }
    }

    public int headDim() {
        return hidden / heads;
    }

    /**
     * The parameter count of a {@link BertModel} of this shape, computed without building one:
     * embeddings (V + P + T)·h + LayerNorm 2h, and per layer Q, K, V and the attention output
     * 4(h² + h), two LayerNorms 4h, the feed-forward h·i + i and i·h + h. Loaders compare it with
     * the values a file holds before allocating, so a config.json declaring 100000 layers over a
     * small checkpoint is refused instead of allocating 17 GB.
     */
    public long parameterCount() {
        long h = hidden, i = intermediate;
        try {
            long embeddings = Math.addExact(Math.multiplyExact((long) vocabSize + maxPositions + typeVocab, h), 2 * h);
            long layer = Math.addExact(Math.multiplyExact(4, h * h + h) + 4 * h, Math.multiplyExact(2 * h + 1, i) + h);
            return Math.addExact(embeddings, Math.multiplyExact(layers, layer));
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;   // more than any file holds
        }
    }

    /** Reads a Hugging Face config.json (already parsed); only the BERT family's GELU activation is supported. */
    public static BertConfig fromHf(Map<String, Object> c) {
        Object act = c.getOrDefault("hidden_act", "gelu");
        if (!"gelu".equals(act)) {
            throw new IllegalArgumentException("hidden_act '" + Printable.of(String.valueOf(act)) + "' is not supported (BERT uses exact gelu)");
        }
        return new BertConfig(num(c, "vocab_size"), num(c, "hidden_size"), num(c, "num_hidden_layers"), num(c, "num_attention_heads"),
                num(c, "intermediate_size"), num(c, "max_position_embeddings"), c.containsKey("type_vocab_size") ? num(c, "type_vocab_size") : 2,
                c.containsKey("layer_norm_eps") ? eps(c.get("layer_norm_eps")) : 1e-12f);
    }

    private static float eps(Object v) {
        float f = v instanceof Number n ? n.floatValue() : Float.NaN;
        if (!(f > 0) || Float.isInfinite(f)) throw new IllegalArgumentException("config.json: \"layer_norm_eps\" = " + Printable.of(String.valueOf(v)) + " is not a positive number");
        return f;
    }

    private static int num(Map<String, Object> c, String key) {
        if (!(c.get(key) instanceof Long v) || v <= 0 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("config.json: \"" + key + "\" is missing or not a positive integer");
        }
        return (int) (long) v;
    }
}
