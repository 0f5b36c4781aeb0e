package io.genai4j.cli.caption;

import io.genai4j.cli.BeamOption;
import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.captioner.CaptionEvaluation;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai caption eval}: BLEU-4, CIDEr-D and exact caption matches on generated test scenes, and QA exact-match accuracy. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Caption the first N test scenes of a split and score them: corpus BLEU-4, CIDEr-D (σ = 6, ×10), exact caption matches;",
                "answer every grammar question about those scenes: exact-match accuracy."})
public final class CaptionEval implements Callable<Integer> {
    @Mixin CaptionModelOption model;
    @Mixin SceneSplitOption split;
    @Option(names = "--scenes", defaultValue = "200", description = "Scenes to score (default ${DEFAULT-VALUE}).") int scenes;
    @Mixin BeamOption beam = new BeamOption(1);
    @Option(names = "--show", defaultValue = "5", description = "Captions to print (default ${DEFAULT-VALUE}).") int show;
    @Mixin ThreadsOption threads;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        int width = beam.width();
        CaptionModelOption.Loaded m = model.load();
        CaptionEvaluation.Metrics r = CaptionEvaluation.evaluate(m.checkpoint().model(), split.generator(), scenes, width, 32);
        for (int i = 0; i < Math.min(show, r.samples().size()); i++) {
            CaptionEvaluation.Sample s = r.samples().get(i);
            System.out.printf(Locale.ROOT, "scene %d%n  reference: %s%n  generated: %s%n", s.scene(), s.reference(), s.generated());
        }
        System.out.printf(Locale.ROOT, "%s scenes (%d, %s): BLEU-4 %.2f, CIDEr-D %.3f, exact captions %.1f%%; QA exact match %.1f%% of %d questions%n",
                split.name(), r.scenes(), beam.label(), r.bleu4(), r.ciderD(), 100 * r.captionExactMatch(), 100 * r.qaAccuracy(), r.questions());
        if (json.on()) {
            new Report().put("checkpoint", m.name()).put("split", split.name()).put("scenes", r.scenes()).put("beam", width)
                    .put("bleu4", Rounding.places(r.bleu4(), 2)).put("cider_d", Rounding.places(r.ciderD(), 4))
                    .put("caption_exact_match", Rounding.places(r.captionExactMatch(), 4)).put("qa_accuracy", Rounding.places(r.qaAccuracy(), 4))
                    .put("questions", r.questions()).printJson(System.out);
        }
        return 0;
    }
}
