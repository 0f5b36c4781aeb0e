package io.genai4j.course.gpt;

import io.genai4j.course.attention.AttentionPicture;
import io.genai4j.course.table.TextTable;
import io.genai4j.course.tour.StepResult;
import io.genai4j.course.tour.TourContext;
import io.genai4j.course.tour.TourStep;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.attention.AttentionMaps;
import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.Generator;
import io.genai4j.models.gpt.GptLm;
import io.genai4j.models.gpt.GptAttentionMaps;
import io.genai4j.models.gpt.GptCheckpoint;
import io.genai4j.models.gpt.GptConfig;
import io.genai4j.models.sampling.LogitsSampler;
import io.genai4j.text.Tokenizer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The tour's GPT step: the transformer that genai4j trained on the same Shakespeare text (the
 * shipped checkpoint), sampled with its KV cache, its next-character probabilities, and its
 * attention as a picture.
 */
public final class GptStep extends TourStep {
    static final String PROMPT = "ROMEO:\n";
    static final String LOOK = "JULIET:\nO Romeo, Romeo!";

    public GptStep() {
        super(600, "A transformer trained here: GPT on Shakespeare");
    }

    @Override
    public StepResult run(TourContext ctx) throws Exception {
        var say = ctx.say();
        if (!GptCheckpoint.hasBundled()) {
            say.say("The shipped GPT checkpoint is not on the class path; train one with `genai gpt train`.");
            return new StepResult("skipped: no shipped checkpoint", Map.of());
        }
        long t0 = System.nanoTime();
        GptCheckpoint ck = GptCheckpoint.bundled();
        GptConfig c = ck.model().config;
        Tokenizer tok = ck.tokenizer();
        Object val = ck.train().get("best_val_loss");
        say.say(String.format(Locale.ROOT, "An n-gram looks back a fixed few characters. A GPT reads the last %d at once: "
                        + "each of its %d layers lets every position gather what it needs from every earlier one (causal "
                        + "self-attention, %d heads), then thinks it over (a 2-layer MLP). This one has %,d parameters and was "
                        + "trained by genai4j's own engine on the same 90%% of tiny Shakespeare, one character at a time "
                        + "(validation loss %s nats/char; MODEL_CARD.md has the exact command).",
                c.blockSize(), c.nLayer(), c.nHead(), ck.model().numParametersNonEmbedding(), val == null ? "?" : String.format(Locale.ROOT, "%.3f", ((Number) val).doubleValue())));
        say.blank();
        // What it weighs for the next character after a prompt.
        int[] ids = tok.encode(LOOK);
        float[] logits;
        try (Grad g = Grad.off()) {
            ck.model().eval();
            Tensor h = ck.model().hidden(ids, 1, ids.length, null, null);
            logits = ck.model().logits(h.narrow(1, ids.length - 1, 1)).toArray();
        }
        // All tokens at temperature 1, most likely first: the model's own probabilities.
        LogitsSampler.Candidates next = new LogitsSampler(1f, 0, 1f, ctx.seed()).candidates(logits, 0, logits.length);
        say.say("After \"" + Tokenizer.visible(LOOK) + "\" it expects:");
        TextTable t = new TextTable("next", "probability").right(1);
        for (int i = 0; i < Math.min(5, next.ids().length); i++) t.row(tok.display(next.ids()[i]), String.format(Locale.ROOT, "%.3f", next.probs()[i]));
        say.table(t);
        say.blank();
        String sample = PROMPT + new Generator(new GptLm(ck.model()), tok)
                .generate(tok.encode(PROMPT), GenerationOptions.slidingWindow(300, 0.8f, 0, 1f, ctx.seed()), null).text();
        say.say("Sampled at temperature 0.8, one character at a time, each step running only the new character "
                + "through the network (the keys and values of earlier ones are cached):");
        say.blank();
        say.quote(sample, 12);
        say.blank();
        AttentionMaps maps = GptAttentionMaps.of(ck, LOOK, "GPT (shipped)");
        Path png = AttentionPicture.png(maps, ctx.picture("gpt-attention.png"));
        ctx.wrote(png);
        say.say("The picture shows every head of every layer reading \"" + Tokenizer.visible(LOOK) + "\": row i is where "
                + "character i looks; nothing lies above the diagonal, because a GPT may not look ahead.");
        say.say("Train your own in about a minute and a half: `genai gpt train --n-layer 4 --n-head 4 --n-embd 128 "
                + "--block-size 64 --batch-size 12 --max-iters 2000 --lr-decay-iters 2000 --dropout 0 --eval-iters 20`.");
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("parameters", ck.model().numParametersNonEmbedding());
        f.put("val_loss", val);
        f.put("sample", sample);
        f.put("seconds", Rounding.places((System.nanoTime() - t0) / 1e9, 2));
        return new StepResult(String.format(Locale.ROOT, "%,d-parameter GPT, val loss %s nats/char", ck.model().numParametersNonEmbedding(),
                val == null ? "?" : String.format(Locale.ROOT, "%.3f", ((Number) val).doubleValue())), f);
    }
}
