package io.genai4j.models.gpt;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.models.attention.AttentionMaps;
import io.genai4j.text.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The causal attention weights of every GPT layer and head for one text. */
public final class GptAttentionMaps {
    private GptAttentionMaps() {}

    public static AttentionMaps of(GptCheckpoint ck, String text, String name) {
        Gpt model = ck.model();
        Tokenizer tok = ck.tokenizer();
        int[] ids = tok.encode(text);
        if (ids.length == 0) throw new IllegalArgumentException("the text has no tokens");
        AttentionMaps.checkLength(ids.length);
        if (ids.length > model.config.blockSize()) {
            throw new IllegalArgumentException("the text has " + ids.length + " tokens, more than block_size " + model.config.blockSize());
        }
        Tensor[] weights = new Tensor[model.config.nLayer()];
        try (Grad g = Grad.off()) {
            model.eval();
            model.hidden(ids, 1, ids.length, null, weights);
        }
        List<String> tokens = new ArrayList<>();
        for (int id : ids) tokens.add(tok.display(id));
        return AttentionMaps.fromLayers(name, text, tokens, Arrays.asList(weights));
    }
}
