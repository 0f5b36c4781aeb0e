package io.genai4j.models.bert;

import io.genai4j.engine.Tensor;
import io.genai4j.models.attention.AttentionMaps;
import io.genai4j.text.wordpiece.Batch;
import io.genai4j.text.wordpiece.Encoding;
import java.util.ArrayList;
import java.util.List;

/** The attention weights of every BERT layer and head for one text. */
public final class BertAttentionMaps {
    private BertAttentionMaps() {}

    public static AttentionMaps of(BertEncoder enc, String text) {
        Encoding e = enc.tokenizer().encode(text, enc.maxLength());
        AttentionMaps.checkLength(e.length());
        List<Tensor> att = new ArrayList<>();
        enc.lastHiddenState(Batch.of(List.of(e), enc.tokenizer().padId(), 1), att);
        List<String> tokens = new ArrayList<>();
        for (int id : e.ids()) tokens.add(enc.tokenizer().display(id));
        return AttentionMaps.fromLayers(enc.name(), text, tokens, att);
    }
}
