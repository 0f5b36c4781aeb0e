package io.genai4j.course.ladder;

import io.genai4j.course.ladder.LadderData;
import io.genai4j.course.ladder.LadderEntry;
import io.genai4j.course.ladder.LadderProvider;
import io.genai4j.course.ladder.LadderResult;
import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.Generator;
import io.genai4j.models.gpt.GptLm;
import io.genai4j.models.gpt.GptCheckpoint;
import io.genai4j.models.gpt.GptEvaluation;
import io.genai4j.text.CharTokenizer;
import io.genai4j.text.Corpus;
import java.util.Arrays;
import java.util.List;

/**
 * The GPT rung: the char-level GPT that ships with genai4j, trained on tiny Shakespeare's training
 * split (MODEL_CARD.md says how), measured on the same validation split as every other rung. It is
 * loaded, not retrained; on another corpus the rung is skipped.
 */
public final class GptLadder implements LadderProvider {
    @Override
    public List<LadderEntry> entries() {
        return GptCheckpoint.hasBundled() ? List.of(new Rung("GPT (shipped)", "GPT", 300)) : List.of();
    }

    /** The rung: its name, family and rank are fixed. */
    private record Rung(String name, String family, int rank) implements LadderEntry {
        @Override
        public LadderResult run(LadderData data) throws Exception {
            if (!Corpus.SHAKESPEARE.equals(data.corpus().name())) return null;
            long t0 = System.nanoTime();
            GptCheckpoint ck = GptCheckpoint.bundled();
            if (!(ck.tokenizer() instanceof CharTokenizer chars) || !Arrays.equals(chars.codePoints(), data.chars().codePoints())) return null;
            int[] val = chars.encode(data.val());
            GptEvaluation.Total total = GptEvaluation.total(ck.model(), val, 16);
            // The first character has no context to be predicted from: charge it ln(V), as a model
            // that knows nothing would, so the total covers every character of the split.
            double nats = total.nats() + Math.log(ck.model().config.vocabSize());
            int[] prompt = chars.encode("\n");
            String sample = new Generator(new GptLm(ck.model()), chars).generate(prompt, GenerationOptions.slidingWindow(data.sampleChars(), 1f, 0, 1f, data.seed()), null).text();
            return new LadderResult(name(), family(), rank(), ck.model().numParametersNonEmbedding(), "parameters",
                    nats / data.valChars(), sample, (System.nanoTime() - t0) / 1e9);
        }
    }
}
