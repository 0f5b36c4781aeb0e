package io.genai4j.cli.bert;

import io.genai4j.cli.Report;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.bert.BertEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code genai bert embed TEXT...}: unit-length sentence embeddings. */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = "Sentence embeddings (pooled last hidden state, L2-normalised), one per TEXT.")
public final class BertEmbed implements Callable<Integer> {
    @Mixin
    ModelOptions model;
    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "Texts to embed.")
    List<String> texts;
    @Option(names = "--json", description = "Print the full vectors as one JSON line (the last line of output).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        BertEncoder enc = model.load();
        long t0 = System.nanoTime();
        float[][] e = enc.encode(texts);
        double secs = (System.nanoTime() - t0) / 1e9;
        for (int i = 0; i < texts.size(); i++) {
            int[] ids = enc.tokenizer().encode(texts.get(i), enc.maxLength()).ids();
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < Math.min(6, e[i].length); k++) b.append(String.format(Locale.ROOT, "%s%.6f", k == 0 ? "" : ", ", e[i][k]));
            System.out.printf(Locale.ROOT, "%s%n  %d tokens -> %d dims [%s, ...]%n", texts.get(i), ids.length, e[i].length, b);
        }
        System.out.printf(Locale.ROOT, "(%s pooling, %.3f s)%n", enc.pooling().name().toLowerCase(Locale.ROOT), secs);
        if (json) {
            List<List<Double>> vecs = new ArrayList<>();
            for (float[] v : e) {
                List<Double> l = new ArrayList<>(v.length);
                for (float x : v) l.add(Rounding.places(x, 7));
                vecs.add(l);
            }
            new Report().put("model", enc.name()).put("pooling", enc.pooling().name().toLowerCase(Locale.ROOT)).put("dimension", enc.dimension())
                    .put("texts", texts).put("embeddings", vecs).printJson(System.out);
        }
        return 0;
    }
}
