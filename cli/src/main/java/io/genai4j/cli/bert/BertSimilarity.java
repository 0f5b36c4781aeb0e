package io.genai4j.cli.bert;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.bert.BertEncoder;
import io.genai4j.models.bert.Embeddings;
import io.genai4j.models.bert.Pooling;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code genai bert similarity A B}: cosine similarity of two sentence embeddings. */
@Command(name = "similarity", mixinStandardHelpOptions = true, description = "Cosine similarity of the embeddings of two texts.")
public final class BertSimilarity implements Callable<Integer> {
    @Mixin
    ModelOptions model;
    @Parameters(index = "0", paramLabel = "A")
    String a;
    @Parameters(index = "1", paramLabel = "B")
    String b;
    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        BertEncoder enc = model.load();
        Embeddings em = enc.embed(List.of(a, b));
        float[][] e = em.vectors();
        String note = TruncationNote.of(em, enc.name());
        if (note != null) System.err.println(note);
        double cos = Pooling.cosine(e[0], e[1]);
        System.out.printf(Locale.ROOT, "cosine similarity %.6f%n", cos);
        if (json.on()) new Report().put("model", enc.name()).put("a", a).put("b", b).put("cosine", Rounding.places(cos, 6))
                .put("truncated", em.truncatedCount()).printJson(System.out);
        return 0;
    }
}
