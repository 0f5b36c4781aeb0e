package io.genai4j.models.bert;

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
    }

    public int headDim() {
        return hidden / heads;
    }

    /** Reads a Hugging Face config.json (already parsed); only the BERT family's GELU activation is supported. */
    public static BertConfig fromHf(Map<String, Object> c) {
        Object act = c.getOrDefault("hidden_act", "gelu");
        if (!"gelu".equals(act)) throw new IllegalArgumentException("hidden_act '" + act + "' is not supported (BERT uses exact gelu)");
        return new BertConfig(num(c, "vocab_size"), num(c, "hidden_size"), num(c, "num_hidden_layers"), num(c, "num_attention_heads"),
                num(c, "intermediate_size"), num(c, "max_position_embeddings"), c.containsKey("type_vocab_size") ? num(c, "type_vocab_size") : 2,
                c.get("layer_norm_eps") instanceof Number n ? n.floatValue() : 1e-12f);
    }

    private static int num(Map<String, Object> c, String key) {
        if (!(c.get(key) instanceof Long v) || v <= 0 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("config.json: \"" + key + "\" is missing or not a positive integer");
        }
        return (int) (long) v;
    }
}
