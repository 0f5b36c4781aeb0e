package io.genai4j.course.bert;

import io.genai4j.course.attention.AttentionPicture;
import io.genai4j.course.table.TextTable;
import io.genai4j.course.tour.StepResult;
import io.genai4j.course.tour.TourContext;
import io.genai4j.course.tour.TourStep;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.attention.AttentionMaps;
import io.genai4j.models.bert.BertAttentionMaps;
import io.genai4j.models.bert.BertEncoder;
import io.genai4j.models.bert.Pooling;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tour's BERT step: a pretrained encoder, used as it is. Lines of the play and modern
 * paraphrases are embedded; each paraphrase finds its line by cosine similarity, though they
 * share few words. Then one line's attention, every layer and head, as a picture.
 */
public final class BertStep extends TourStep {
    static final List<String> LINES = List.of(
            "But, soft! what light through yonder window breaks?",
            "O Romeo, Romeo! wherefore art thou Romeo?",
            "Now is the winter of our discontent made glorious summer by this sun of York.",
            "Friends, Romans, countrymen, lend me your ears.");
    static final List<String> PARAPHRASES = List.of(
            "Please listen to me, my fellow citizens.",
            "Why do you have to be Romeo?",
            "Look, a light is shining in that window.",
            "Our bad times have turned into good ones thanks to the king.");

    public BertStep() {
        super(500, "Using a trained transformer: BERT sentence embeddings");
    }

    @Override
    public StepResult run(TourContext ctx) throws Exception {
        var say = ctx.say();
        say.say("Not every model has to be trained here. all-MiniLM-L6-v2 is a BERT encoder (6 layers of bidirectional "
                + "self-attention, 22.6M parameters) that others trained on a billion sentence pairs; genai4j reads its "
                + "weights from the ONNX file in its Maven artifact and runs it on the same engine as everything else. "
                + "Each text becomes one 384-number unit vector (the mean of its token states); texts that mean alike point alike.");
        say.blank();
        long t0 = System.nanoTime();
        BertEncoder enc = BertEncoder.load("minilm");
        List<String> all = new ArrayList<>(LINES);
        all.addAll(PARAPHRASES);
        float[][] e = enc.encode(all);
        TextTable table = new TextTable("modern paraphrase", "closest line of Shakespeare", "cosine").right(2).maxWidth(0, 40).maxWidth(1, 48);
        int right = 0;
        for (int p = 0; p < PARAPHRASES.size(); p++) {
            int best = 0;
            double bestCos = -2;
            for (int l = 0; l < LINES.size(); l++) {
                double c = Pooling.cosine(e[LINES.size() + p], e[l]);
                if (c > bestCos) {
                    bestCos = c;
                    best = l;
                }
            }
            if (LINES.get(best).equals(LINES.get(expected(p)))) right++;
            table.row(PARAPHRASES.get(p), LINES.get(best), String.format(Locale.ROOT, "%.3f", bestCos));
        }
        say.table(table);
        say.blank();
        AttentionMaps maps = BertAttentionMaps.of(enc, LINES.get(1));
        Path png = AttentionPicture.png(maps, ctx.picture("bert-attention.png"));
        ctx.wrote(png);
        say.say("Inside the encoder, each of the " + maps.layers() * maps.heads() + " attention heads (" + maps.layers() + " layers x "
                + maps.heads() + ") spreads each token's attention over the others; the picture shows them all for \"" + LINES.get(1)
                + "\". Some heads look at the next or previous token, many park their attention on [CLS] or [SEP].");
        say.say("The BERT lesson goes on with `genai bert classify`: keep this encoder frozen and train only a small head for sentiment.");
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("paraphrases_matched", right);
        f.put("paraphrases", PARAPHRASES.size());
        f.put("seconds", Rounding.places((System.nanoTime() - t0) / 1e9, 2));
        return new StepResult(String.format(Locale.ROOT, "%d of %d paraphrases find their line", right, PARAPHRASES.size()), f);
    }

    /** Which line paraphrase p restates. */
    static int expected(int p) {
        return switch (p) {
            case 0 -> 3;
            case 1 -> 1;
            case 2 -> 0;
            default -> 2;
        };
    }
}
