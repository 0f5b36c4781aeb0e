package io.genai4j.server.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.engine.Rng;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.transformer.BundledTransformer;
import io.genai4j.models.transformer.Transformer;
import io.genai4j.models.transformer.TransformerConfig;
import io.genai4j.models.translation.Normalizer;
import io.genai4j.models.translation.TranslationCheckpoint;
import io.genai4j.models.translation.Translations;
import io.genai4j.server.ApiException;
import io.genai4j.server.Fields;
import io.genai4j.server.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The translation lesson on the page: the bundled English → French Transformer translates a
 * sentence, and its encoder-decoder attention (last decoder layer, mean of the heads) comes back as
 * a target × source matrix for the heatmap.
 */
final class TranslationLesson {
    static final int MAX_CHARS = 200;
    private Transformer model;
    private TranslationCheckpoint checkpoint;

    /** {@code {"sentence", "beam"}} → source and target pieces, the translation and attention[target][source]. */
    synchronized ObjectNode translate(JsonNode body) {
        Fields f = new Fields(body, "");
        String raw = f.requiredString("sentence");
        int beam = (int) f.integer("beam", 1, 1, 8);
        if (raw.length() > MAX_CHARS) throw ApiException.invalid("sentence", "sentence has " + raw.length() + " characters; the lesson takes up to " + MAX_CHARS);
        String sentence = Normalizer.normalize(raw);
        if (sentence.isEmpty()) throw ApiException.invalid("sentence", "sentence is empty");
        load();
        Translations.Translation tr = Translations.translate(model, checkpoint.vocab(), List.of(sentence), beam, Translations.QUIETLY).getFirst();
        int rows = Math.min(tr.targetPieces().size(), tr.attention().length);
        ObjectNode o = Json.object().put("source", tr.source()).put("translation", tr.text());
        o.set("source_pieces", Json.MAPPER.valueToTree(tr.sourcePieces()));
        o.set("target_pieces", Json.MAPPER.valueToTree(tr.targetPieces().subList(0, rows)));
        ArrayNode att = o.putArray("attention");
        for (int i = 0; i < rows; i++) {
            ArrayNode row = att.addArray();
            for (float w : tr.attention()[i]) row.add(Rounding.places(w, 4));
        }
        o.put("heads", model.config.heads()).put("layers", model.config.layers());
        return o;
    }

    private void load() {
        if (model != null) return;
        try {
            checkpoint = BundledTransformer.checkpoint();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (checkpoint == null) throw new IllegalStateException("the bundled translation model is missing from this build");
        model = checkpoint.into(new Transformer(TransformerConfig.fromMap(checkpoint.config()), new Rng(0)));
    }
}
