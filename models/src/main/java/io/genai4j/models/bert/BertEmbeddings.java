package io.genai4j.models.bert;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Embedding;
import io.genai4j.engine.nn.LayerNorm;
import io.genai4j.engine.nn.Module;

/**
 * BERT's input representation (Devlin et al. 2019, §3.1, Figure 2): the sum of a token embedding,
 * a learned position embedding and a segment (token type) embedding, then layer norm.
 * <pre>  E = LayerNorm(W_tok[id_t] + W_pos[t] + W_type[type_t])  </pre>
 */
public final class BertEmbeddings extends Module {
    final Embedding word, position, tokenType;
    final LayerNorm norm;

    BertEmbeddings(BertConfig c, Rng rng) {
        word = add("word_embeddings", new Embedding(c.vocabSize(), c.hidden(), rng));
        position = add("position_embeddings", new Embedding(c.maxPositions(), c.hidden(), rng));
        tokenType = add("token_type_embeddings", new Embedding(c.typeVocab(), c.hidden(), rng));
        norm = add("LayerNorm", new LayerNorm(c.hidden(), c.layerNormEps(), true));
    }

    /** ids and typeIds are [B, T] row-major; the result is [B, T, hidden]. */
    Tensor forward(int[] ids, int[] typeIds, int b, int t) {
        if (t > position.weight.size(0)) {
            throw new IllegalArgumentException("sequence of " + t + " tokens exceeds the model's " + position.weight.size(0) + " positions");
        }
        Tensor x = word.forward(ids, b, t).add(tokenType.forward(typeIds, b, t));
        x = x.add(position.weight.narrow(0, 0, t));   // [T, H] broadcasts over the batch
        return norm.forward(x);
    }
}
