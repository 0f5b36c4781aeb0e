package io.genai4j.cli.gpt;

import io.genai4j.cli.CorpusOption;
import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.gpt.GptCheckpoint;
import io.genai4j.models.gpt.GptData;
import io.genai4j.models.gpt.GptEvaluation;
import io.genai4j.text.Corpus;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai gpt eval}: cross-entropy over the whole validation split (not random batches). */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Validation loss of a GPT checkpoint over the whole validation split (last 10%% of the corpus),",
                "every token predicted once from the context of its block_size window."})
public final class GptEval implements Callable<Integer> {
    @Option(names = "--checkpoint", description = "Checkpoint directory (from genai gpt train --out; default: the shipped Shakespeare GPT).") Path checkpoint;
    @Mixin CorpusOption corpus;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        GptCheckpoint ck = GptCheckpoint.loadOrBundled(checkpoint);
        Corpus text = corpus.load();
        GptData data = GptData.of(text, ck.tokenizer());
        long t0 = System.nanoTime();
        GptEvaluation.Total total = GptEvaluation.total(ck.model(), data.val(), 16);
        double seconds = (System.nanoTime() - t0) / 1e9;
        int chars = Corpus.characters(text.split().val());
        System.out.printf(Locale.ROOT, "val loss %.4f nats/token over %,d predicted tokens (%.4f nats/char over %,d characters) in %.1f s%n",
                total.perToken(), total.tokens(), total.nats() / chars, chars, seconds);
        if (json.on()) {
            new Report().put("val_loss", Rounding.places(total.perToken(), 4)).put("tokens", total.tokens())
                    .put("val_nats_per_char", Rounding.places(total.nats() / chars, 4)).put("seconds", Rounding.places(seconds, 1))
                    .printJson(System.out);
        }
        if (!Double.isFinite(total.perToken())) {
            // A figure of NaN is no result: say so and fail, so a script never takes it for one.
            System.err.println("genai: the validation loss is " + total.perToken() + ": the checkpoint's weights hold NaN or infinite values");
            return 2;
        }
        return 0;
    }
}
