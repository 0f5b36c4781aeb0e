package io.genai4j.course.captioner;

import io.genai4j.course.table.TextTable;
import io.genai4j.course.tour.StepResult;
import io.genai4j.course.tour.TourContext;
import io.genai4j.course.tour.TourStep;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.captioner.CaptionBatch;
import io.genai4j.models.captioner.CaptionCheckpoint;
import io.genai4j.models.captioner.CaptionEvaluation;
import io.genai4j.models.captioner.CaptionGrammar;
import io.genai4j.models.captioner.CaptionVocabulary;
import io.genai4j.models.captioner.Git;
import io.genai4j.models.captioner.Scene;
import io.genai4j.models.captioner.SceneGenerator;
import io.genai4j.models.captioner.WordAttention;
import io.genai4j.models.vision.Mnist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tour's captioning step: the shipped GIT-style captioner describes scenes it was never trained
 * on (colour–digit pairs held out of training), is scored with BLEU-4, CIDEr-D and QA accuracy, and
 * shows where it looked for each word. Needs the MNIST file of the vision lesson; without it the
 * step says where it looked and moves on.
 */
public final class CaptionStep extends TourStep {
    static final int SCENES = 40;
    static final long EVAL_SEED = 19;

    public CaptionStep() {
        super(550, "Captioning: GIT");
    }

    @Override
    public StepResult run(TourContext ctx) throws Exception {
        var say = ctx.say();
        Path dir = Mnist.defaultDir();
        CaptionCheckpoint ck = CaptionCheckpoint.bundled();
        if (!Files.isRegularFile(dir.resolve(Mnist.IMAGES)) || ck == null) {
            String why = ck == null ? "this build ships no captioner" : "MNIST not found in " + dir + " (set GENAI_DATA)";
            say.note("skipped: " + why);
            return new StepResult("skipped: " + why, Map.of("skipped", why));
        }
        long t0 = System.nanoTime();
        say.say("GIT (a Generative Image-to-text Transformer) is one image encoder and one text decoder under a single "
                + "language-modelling loss. A ViT turns the picture into 49 patch tokens; they are put in front of the words, "
                + "image tokens attend to each other, each word to all image tokens and the words before it, and the model "
                + "learns to predict the next word. Asked a question (the question is just the start of the text), it answers the same way.");
        say.say("The scenes are made here: 1-3 MNIST digits in colours and sizes, with captions from a small grammar. Training never "
                + "saw a red 0, a green 1, a blue 2, ... (colour d mod 4 for digit d); every scene below contains such a pair.");
        say.blank();
        Git git = ck.model();
        SceneGenerator held = new SceneGenerator(Mnist.split(Mnist.load(dir)).test(), SceneGenerator.Split.HELD_OUT, EVAL_SEED);
        List<Scene> shown = new ArrayList<>();
        for (int i = 0; i < 3; i++) shown.add(held.scene(i));
        List<String> captions = CaptionEvaluation.captions(git, shown, 1);
        TextTable table = new TextTable("scene", "generated caption", "reference").maxWidth(1, 48).maxWidth(2, 48);
        for (int i = 0; i < shown.size(); i++) table.row(Integer.toString(i), captions.get(i), CaptionGrammar.caption(shown.get(i)));
        say.table(table);
        say.blank();
        CaptionEvaluation.Metrics m = CaptionEvaluation.evaluate(git, held, SCENES, 1, 20);
        say.say(String.format(Locale.ROOT, "On %d held-out scenes: BLEU-4 %.1f, CIDEr-D %.2f, %.0f%% of captions word for word; "
                + "%.0f%% of %d questions answered exactly (\"how many digits ?\", \"which digit is red ?\", ...).",
                m.scenes(), m.bleu4(), m.ciderD(), 100 * m.captionExactMatch(), 100 * m.qaAccuracy(), m.questions()));
        Scene first = shown.getFirst();
        int[] ids = new CaptionVocabulary().encode(captions.getFirst());
        float[][][] maps = WordAttention.maps(git, CaptionBatch.images(List.of(first)), new int[] {CaptionVocabulary.BOS}, ids);
        Path png = WordAttentionPicture.save(ctx.picture("caption-attention.png"), "GIT captioner: word → patch attention",
                "\"" + captions.getFirst() + "\" (held-out scene 0)", first.pixels(), first.size(), maps, List.of(captions.getFirst().split(" ")));
        ctx.wrote(png);
        say.say("The picture shows, for each word, the patches the decoder attended to while writing it. "
                + "`genai caption describe --index N` does this for any scene; `genai caption eval` scores a whole split.");
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("scenes", m.scenes());
        f.put("bleu4", Rounding.places(m.bleu4(), 2));
        f.put("cider_d", Rounding.places(m.ciderD(), 3));
        f.put("qa_accuracy", Rounding.places(m.qaAccuracy(), 3));
        f.put("seconds", Rounding.places((System.nanoTime() - t0) / 1e9, 2));
        return new StepResult(String.format(Locale.ROOT, "held-out scenes: CIDEr-D %.2f, QA %.0f%%", m.ciderD(), 100 * m.qaAccuracy()), f);
    }
}
