package io.genai4j.cli.translate;

import io.genai4j.cli.BeamOption;
import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.models.translation.Normalizer;
import io.genai4j.models.translation.ParallelCorpus;
import io.genai4j.models.translation.Translations;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code genai seq2seq|transformer translate SENTENCE...}: translations, and the attention picture of the first.
 * One command in both groups: the group it is reached through names the model kind.
 */
@Command(name = "translate", mixinStandardHelpOptions = true, description = "Translate sentences with a trained ${PARENT-COMMAND-NAME} checkpoint (beam search).")
public final class TranslationTranslate implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "SENTENCE", description = "Sentences to translate (each argument is one sentence).")
    List<String> sentences;
    @Mixin TranslationModelOption model;
    @Mixin BeamOption beam = new BeamOption(4);
    @Option(names = "--png", paramLabel = "FILE", description = "Write the first sentence's attention (target × source) as a PNG.") Path png;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        int width = beam.width();
        Loaded l = model.load();
        List<String> norm = new ArrayList<>();
        for (String s : sentences) {
            String n = Normalizer.normalize(s);
            if (n.isEmpty()) throw new IllegalArgumentException("empty sentence");
            norm.add(n);
        }
        List<Translations.Translation> out = Translations.translate(l.model(), l.checkpoint().vocab(), norm, width, Translations.QUIETLY);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Translations.Translation t : out) {
            System.out.println(t.source() + "  →  " + t.text());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", t.source());
            m.put("translation", t.text());
            m.put("source_tokens", t.sourcePieces());
            m.put("target_tokens", t.targetPieces());
            rows.add(m);
        }
        String written = null;
        if (png != null) {
            written = AttentionPicture.save(png, model.kind() + " attention", out.get(0)).toString();
            System.out.println("attention picture: " + written);
        }
        System.out.println("(" + ParallelCorpus.ATTRIBUTION + ")");
        if (json.on()) {
            Report r = new Report().put("model", model.kind()).put("beam", width).put("translations", rows);
            if (written != null) r.put("png", written);
            r.printJson(System.out);
        }
        return 0;
    }
}
