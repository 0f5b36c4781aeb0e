package io.genai4j.course.ladder;

import io.genai4j.course.ladder.LadderData;
import io.genai4j.course.ladder.LadderEntry;
import io.genai4j.course.ladder.LadderProvider;
import io.genai4j.course.ladder.LadderResult;
import io.genai4j.models.ngram.Evaluation;
import io.genai4j.models.ngram.LanguageModel;
import io.genai4j.models.ngram.NgramModel;
import io.genai4j.models.ngram.Sampler;
import io.genai4j.models.ngram.Smoothing;
import io.genai4j.models.ngram.Unit;
import io.genai4j.text.Corpus;
import java.util.Arrays;
import java.util.List;

/**
 * The n-gram rungs of the ladder: character unigram, bigram, trigram and 5-gram with interpolated
 * modified Kneser-Ney, each trained on the training split and measured on the validation split.
 */
public final class NgramLadder implements LadderProvider {
    private static final int[] ORDERS = {1, 2, 3, 5};

    @Override
    public List<LadderEntry> entries() {
        return Arrays.stream(ORDERS).<LadderEntry>mapToObj(Rung::new).toList();
    }

    private record Rung(int order) implements LadderEntry {
        @Override
        public String name() {
            return switch (order) {
                case 1 -> "unigram";
                case 2 -> "bigram";
                case 3 -> "trigram";
                default -> order + "-gram";
            } + " (KN)";
        }

        @Override
        public String family() {
            return "n-gram";
        }

        @Override
        public int rank() {
            return 100 + order;
        }

        @Override
        public LadderResult run(LadderData data) {
            long t0 = System.nanoTime();
            NgramModel m = NgramModel.train(data.corpus(), Unit.CHAR, order);
            LanguageModel lm = m.smoothed(Smoothing.KN, order, Smoothing.Params.DEFAULT);
            int[] val = data.chars().encode(data.val());
            Evaluation e = Evaluation.of(lm, val, Corpus.characters(data.val()), 0);
            String sample = m.generate(lm, "", data.sampleChars(), new Sampler(1.0, 0, data.seed())).text();
            return new LadderResult(name(), family(), rank(), m.size(order), "n-grams", e.natsPerChar(), sample,
                    (System.nanoTime() - t0) / 1e9);
        }
    }
}
