package io.genai4j.cli.translate;

import io.genai4j.cli.ItemsBar;
import io.genai4j.cli.BeamOption;
import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.translation.Pair;
import io.genai4j.models.translation.ParallelCorpus;
import io.genai4j.models.translation.Translations;
import io.genai4j.text.metrics.Bleu;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code genai seq2seq|transformer eval}: corpus BLEU of a checkpoint on the held-out test split
 * (the same split it was trained with: the checkpoint records the file's filter and seed). One command in
 * both groups: the group it is reached through names the model kind.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Corpus BLEU (sacreBLEU defaults) of a ${PARENT-COMMAND-NAME} checkpoint on the held-out test split.")
public final class TranslationEval implements Callable<Integer> {
    @Mixin TranslationModelOption model;
    @Mixin
    DataOptions data;
    @Option(names = "--split", defaultValue = "test", description = "test or val (default ${DEFAULT-VALUE}).") String split;
    @Mixin BeamOption beam = new BeamOption(1);
    @Option(names = "--limit", defaultValue = "0", description = "Score a seeded sample of this many pairs; 0 = all (default ${DEFAULT-VALUE}).") int limit;
    @Option(names = "--examples", defaultValue = "5", description = "Translations to show (default ${DEFAULT-VALUE}).") int examples;
    @Mixin ThreadsOption threads;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        int width = beam.width();
        Loaded l = model.load();
        Map<String, Object> d = l.checkpoint().data();
        int maxWords = d.get("max_words") instanceof Number n ? n.intValue() : 10;
        long seed = d.get("seed") instanceof Number n ? n.longValue() : 1;
        boolean reverse = Boolean.TRUE.equals(d.get("reverse"));
        ParallelCorpus corpus = data.load(maxWords, reverse, seed);
        System.out.println(ParallelCorpus.ATTRIBUTION);
        System.out.println(corpus.description());
        List<Pair> pairs = switch (split) {
            case "test" -> corpus.test();
            case "val" -> corpus.val();
            default -> throw new IllegalArgumentException("unknown --split '" + split + "': expected test or val");
        };
        pairs = ParallelCorpus.sample(pairs, limit, seed);
        Translations.Evaluation ev;
        try (ItemsBar bar = new ItemsBar("translate", pairs.size(), "sentences")) {
            ev = Translations.bleu(l.model(), l.checkpoint().vocab(), pairs, width, bar);
        }
        Bleu.Score s = ev.bleu();
        System.out.printf(Locale.ROOT, "%s on %,d %s pairs (%s): %s%n", model.kind(), ev.sentences(), split, beam.label(), s);
        System.out.printf(Locale.ROOT, "model: %,d parameters, trained %d steps in %.1f CPU-minutes; translating took %.1f s%n",
                l.parameters(), l.trainSteps(), l.trainCpuMinutes(), ev.seconds());
        for (int i = 0; i < Math.min(examples, pairs.size()); i++) {
            System.out.println("  src: " + pairs.get(i).source());
            System.out.println("  ref: " + pairs.get(i).target());
            System.out.println("  hyp: " + ev.hypotheses().get(i));
        }
        if (json.on()) {
            new Report().put("model", model.kind()).put("split", split).put("sentences", ev.sentences()).put("beam", width)
                    .put("bleu", Rounding.places(s.bleu(), 2))
                    .put("precisions", Arrays.stream(s.precisions()).map(p -> Rounding.places(p, 2)).boxed().toList())
                    .put("brevity_penalty", Rounding.places(s.brevityPenalty(), 4)).put("hyp_len", s.hypLength()).put("ref_len", s.refLength())
                    .put("parameters", l.parameters()).put("config", l.checkpoint().config())
                    .put("train_steps", l.trainSteps()).put("train_cpu_minutes", Rounding.places(l.trainCpuMinutes(), 2))
                    .put("seconds", Rounding.places(ev.seconds(), 2)).put("attribution", ParallelCorpus.ATTRIBUTION).printJson(System.out);
        }
        return 0;
    }
}
