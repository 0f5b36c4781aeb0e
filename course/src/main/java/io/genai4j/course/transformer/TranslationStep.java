package io.genai4j.course.transformer;

import io.genai4j.course.chart.Heatmap;
import io.genai4j.course.table.TextTable;
import io.genai4j.course.tour.StepResult;
import io.genai4j.course.tour.TourContext;
import io.genai4j.course.tour.TourStep;
import io.genai4j.engine.Rng;
import io.genai4j.models.transformer.BundledTransformer;
import io.genai4j.models.transformer.Transformer;
import io.genai4j.models.transformer.TransformerConfig;
import io.genai4j.models.translation.Normalizer;
import io.genai4j.models.translation.ParallelCorpus;
import io.genai4j.models.translation.TranslationCheckpoint;
import io.genai4j.models.translation.Translations;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tour's translation step: a small encoder-decoder Transformer that ships with genai4j
 * (trained on Tatoeba's English-French pairs, CC BY 2.0) translates a few sentences, and one
 * translation's encoder-decoder attention becomes a picture.
 */
public final class TranslationStep extends TourStep {
    static final List<String> SENTENCES = List.of("I am cold.", "Where is the station?", "He is reading a book in the garden.", "We have to go home now.");

    public TranslationStep() {
        super(300, "Translation: encoder, decoder, attention");
    }

    @Override
    public StepResult run(TourContext ctx) throws Exception {
        var say = ctx.say();
        TranslationCheckpoint ck = BundledTransformer.checkpoint();
        if (ck == null) throw new IllegalStateException("the bundled translation model is missing from this build");
        Transformer model = ck.into(new Transformer(TransformerConfig.fromMap(ck.config()), new Rng(0)));
        TransformerConfig c = model.config;
        say.say("An encoder reads the whole English sentence; a decoder writes French one token at a time, and at each step "
                + "attention lets it look back at the source words it needs. RNN encoder-decoders did this word by word "
                + "through one memory vector; the Transformer does it with attention alone — self-attention in both stacks, "
                + "encoder-decoder attention between them, " + c.heads() + " heads each — so a whole sentence is processed at once.");
        say.note(String.format(Locale.ROOT, "a small shipped Transformer: N=%d, d_model=%d, h=%d, d_ff=%d, %,d parameters, shared BPE of %,d tokens; "
                + "%s", c.layers(), c.dModel(), c.heads(), c.dFf(), model.numParameters(), ck.vocab().size(), ParallelCorpus.ATTRIBUTION));
        say.blank();
        List<Translations.Translation> out = Translations.translate(model, ck.vocab(), SENTENCES.stream().map(Normalizer::normalize).toList(), 4, Translations.QUIETLY);
        TextTable t = new TextTable("English", "French (beam 4)").maxWidth(0, 44).maxWidth(1, 44);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Translations.Translation tr : out) {
            t.row(tr.source(), tr.text());
            rows.add(Map.of("source", tr.source(), "translation", tr.text()));
        }
        say.table(t);
        Translations.Translation first = out.get(0);
        List<String> rowsLabels = new ArrayList<>(first.targetPieces().subList(0, Math.min(first.targetPieces().size(), first.attention().length)));
        Path png = new Heatmap("Transformer attention: \"" + first.source() + "\" → \"" + first.text() + "\"", rowsLabels, first.sourcePieces(), first.attention())
                .subtitle("last decoder layer, mean of " + c.heads() + " heads; row = French token written, column = English token").save(ctx.picture("translation-attention.png"));
        say.blank();
        say.say("In the picture each row is one French token being written and shows which English tokens it attended to.");
        ctx.wrote(png);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("translations", rows);
        f.put("parameters", model.numParameters());
        f.put("attribution", ParallelCorpus.ATTRIBUTION);
        return new StepResult("\"" + first.source() + "\" → \"" + first.text() + "\"", f);
    }
}
