package io.genai4j.cli.bert;

import io.genai4j.cli.Report;
import io.genai4j.models.bert.BertEncoder;
import io.genai4j.models.bert.Embeddings;
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
        Embeddings em = enc.embed(texts);
        float[][] e = em.vectors();
        double secs = (System.nanoTime() - t0) / 1e9;
        for (int i = 0; i < texts.size(); i++) {
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < Math.min(6, e[i].length); k++) b.append(String.format(Locale.ROOT, "%s%.6f", k == 0 ? "" : ", ", e[i][k]));
            String tokens = em.truncated(i) ? em.tokens()[i] + " of " + em.fullTokens()[i] + " tokens (cut)" : em.tokens()[i] + " tokens";
            System.out.printf(Locale.ROOT, "%s%n  %s -> %d dims [%s, ...]%n", texts.get(i), tokens, e[i].length, b);
        }
        System.out.printf(Locale.ROOT, "(%s pooling, %.3f s)%n", enc.pooling().name().toLowerCase(Locale.ROOT), secs);
        String note = TruncationNote.of(em, enc.name());
        if (note != null) System.err.println(note);
        if (json) {
            List<List<Double>> vecs = new ArrayList<>();
            for (float[] v : e) {
                List<Double> l = new ArrayList<>(v.length);
                for (float x : v) l.add(Math.round(x * 1e7) / 1e7);
                vecs.add(l);
            }
            List<Integer> tokens = new ArrayList<>(), fullTokens = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                tokens.add(em.tokens()[i]);
                fullTokens.add(em.fullTokens()[i]);
            }
            new Report().put("model", enc.name()).put("pooling", enc.pooling().name().toLowerCase(Locale.ROOT)).put("dimension", enc.dimension())
                    .put("max_seq_length", enc.maxLength()).put("truncated", em.truncatedCount()).put("tokens", tokens)
                    .put("text_tokens", fullTokens).put("texts", texts).put("embeddings", vecs).printJson(System.out);
        }
        return 0;
    }
}
