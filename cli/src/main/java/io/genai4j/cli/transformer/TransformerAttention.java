package io.genai4j.cli.transformer;

import io.genai4j.cli.Report;
import io.genai4j.cli.translate.Loaded;
import io.genai4j.course.chart.Heatmap;
import io.genai4j.engine.Rng;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.transformer.Transformer;
import io.genai4j.models.transformer.TransformerConfig;
import io.genai4j.models.translation.Normalizer;
import io.genai4j.models.translation.ParallelCorpus;
import io.genai4j.models.translation.SharedVocab;
import io.genai4j.models.translation.TranslationCheckpoint;
import io.genai4j.models.translation.Translations;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code genai transformer attention SENTENCE}: translates the sentence, then shows where each
 * target token looked in the source through a decoder layer's encoder-decoder attention (one head,
 * or the mean of the h heads).
 */
@Command(name = "attention", mixinStandardHelpOptions = true,
        description = {"Encoder-decoder (cross) attention of a translation as a target x source heatmap.",
                "Row i: the step that wrote target token i; each row sums to 1."})
public final class TransformerAttention implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "SENTENCE", description = "The sentence (several words are joined with spaces).")
    List<String> words;
    @Option(names = "--model", paramLabel = "DIR", description = "Checkpoint directory (default: runs/transformer, else the small shipped model).") Path model;
    @Option(names = "--layer", description = "Decoder layer, 0-based (default: the last).") Integer layer;
    @Option(names = "--head", defaultValue = "-1", description = "Head, 0-based; -1 = the mean over heads (default ${DEFAULT-VALUE}).") int head;
    @Option(names = "--png", paramLabel = "FILE", defaultValue = "runs/transformer-attention.png", description = "Where to write the picture (default: ${DEFAULT-VALUE}).") Path png;
    @Option(names = "--json", description = "Also print tokens and the weights [target][source] as one JSON line.") boolean json;

    @Override
    public Integer call() throws Exception {
        TranslationCheckpoint ck = Loaded.checkpoint(model, "transformer");
        Transformer t = ck.into(new Transformer(TransformerConfig.fromMap(ck.config()), new Rng(0)));
        SharedVocab v = ck.vocab();
        String sentence = Normalizer.normalize(String.join(" ", words));
        if (sentence.isEmpty()) throw new IllegalArgumentException("empty sentence");
        Translations.Translation tr = Translations.translate(t, v, List.of(sentence), 1, Translations.QUIETLY).get(0);
        int[] src = v.encode(sentence);
        int[] out = v.bpe().encode(tr.text());
        int[] tgtIn = new int[out.length + 1];
        tgtIn[0] = v.bos;
        System.arraycopy(out, 0, tgtIn, 1, out.length);
        float[][][][] maps = t.crossAttentionMaps(src, tgtIn);
        int l = layer == null ? maps.length - 1 : layer;
        if (l < 0 || l >= maps.length) throw new IllegalArgumentException("--layer must be 0.." + (maps.length - 1) + ", got " + l);
        int heads = maps[l].length;
        if (head < -1 || head >= heads) throw new IllegalArgumentException("--head must be -1.." + (heads - 1) + ", got " + head);
        float[][] w = new float[tgtIn.length][src.length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < src.length; j++) {
                if (head >= 0) w[i][j] = maps[l][head][i][j];
                else for (int k = 0; k < heads; k++) w[i][j] += maps[l][k][i][j] / heads;
            }
        }
        List<String> rows = new ArrayList<>(), cols = new ArrayList<>();
        for (int id : out) rows.add(v.piece(id));
        rows.add(SharedVocab.EOS);   // row i predicts token i: the last row is the step that wrote </s>
        for (int id : src) cols.add(v.piece(id));
        String which = String.format(Locale.ROOT, "decoder layer %d, %s", l, head < 0 ? "mean of " + heads + " heads" : "head " + head);
        Path written = new Heatmap("Transformer encoder-decoder attention: \"" + sentence + "\" → \"" + tr.text() + "\"", rows, cols, w)
                .subtitle(which + "; row = target token written at that step, column = source token").save(png);
        System.out.println(sentence + "  →  " + tr.text());
        for (int i = 0; i < rows.size(); i++) {
            int best = 0;
            for (int j = 1; j < cols.size(); j++) if (w[i][j] > w[i][best]) best = j;
            System.out.printf(Locale.ROOT, "  %-14s ← %-14s %.2f%n", rows.get(i).strip(), cols.get(best).strip(), w[i][best]);
        }
        System.out.println("Picture (" + which + "): " + written);
        System.out.println("(" + ParallelCorpus.ATTRIBUTION + ")");
        if (json) {
            List<List<Double>> jw = new ArrayList<>();
            for (float[] r : w) {
                List<Double> row = new ArrayList<>();
                for (float x : r) row.add(Rounding.places(x, 4));
                jw.add(row);
            }
            new Report().put("source", sentence).put("translation", tr.text()).put("source_tokens", cols).put("target_tokens", rows)
                    .put("layer", l).put("head", head).put("weights", jw).put("png", written.toString()).printJson(System.out);
        }
        return 0;
    }
}
